# Installing fuzhu: the library, its headers, the policies, the CMake
# package (find_package(fuzhu)) and a pkg-config file beside it.
include(CMakePackageConfigHelpers)

set(FUZHU_INSTALL_TARGETS fuzhu_lib)
foreach(target fuzhu_c fuzhu_cli)  # when built (FUZHU_BUILD_C_API, FUZHU_BUILD_CLI)
  if(TARGET ${target})
    list(APPEND FUZHU_INSTALL_TARGETS ${target})
  endif()
endforeach()
install(TARGETS ${FUZHU_INSTALL_TARGETS} EXPORT fuzhuTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/fuzhu ${FUZHU_GENERATED_INCLUDE}/fuzhu DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY policies/ DESTINATION ${FUZHU_POLICIES_INSTALL_DIR})

set(FUZHU_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/fuzhu)
install(EXPORT fuzhuTargets NAMESPACE fuzhu:: DESTINATION ${FUZHU_CMAKE_DIR})
# A static libfuzhu needs fmt at link time; a shared one has it inside.
if(FUZHU_LIBRARY_TYPE STREQUAL "STATIC_LIBRARY")
  set(FUZHU_STATIC ON)
  set(FUZHU_PC_REQUIRES "Requires")
else()
  set(FUZHU_STATIC OFF)
  set(FUZHU_PC_REQUIRES "Requires.private")
endif()
configure_package_config_file(cmake/fuzhuConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/fuzhuConfig.cmake
                              INSTALL_DESTINATION ${FUZHU_CMAKE_DIR} PATH_VARS FUZHU_POLICIES_INSTALL_DIR)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/fuzhuConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/fuzhuConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/fuzhuConfigVersion.cmake
        DESTINATION ${FUZHU_CMAKE_DIR})

# pkg-config: the prefix is found from the .pc file's own folder, so the
# package can be installed under any --prefix.
file(RELATIVE_PATH FUZHU_PC_PREFIX_FROM_PCDIR /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(cmake/fuzhu.pc.in ${CMAKE_CURRENT_BINARY_DIR}/fuzhu.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/fuzhu.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(TARGET fuzhu_c)
  configure_file(cmake/fuzhu-c.pc.in ${CMAKE_CURRENT_BINARY_DIR}/fuzhu-c.pc @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/fuzhu-c.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()
