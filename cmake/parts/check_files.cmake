# Diagnostics tested as files (tests/check/README.md): each tests/check/*.policy
# is compiled and must give exactly the diagnostics its comments list.
if(FUZHU_BUILD_TESTS)
  add_executable(check_file_test ${PROJECT_SOURCE_DIR}/tests/check/driver.cpp)
  target_link_libraries(check_file_test PRIVATE fuzhu_report)  # `# document:` files read quotes with the report's reading
  target_include_directories(check_file_test PRIVATE ${PROJECT_SOURCE_DIR}/src)
  fuzhu_warnings(check_file_test)
  file(GLOB FUZHU_CHECK_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/check/*.policy)
  foreach(file IN LISTS FUZHU_CHECK_FILES)
    get_filename_component(name ${file} NAME_WE)
    add_test(NAME check_file.${name} COMMAND check_file_test ${file})
  endforeach()
endif()
