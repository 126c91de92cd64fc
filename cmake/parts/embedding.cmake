# The library as embedders see it (docs/embedding.md): its API contracts,
# hot reload, and how it builds inside a host. The C ABI and Python have
# parts of their own (c_api.cmake, python.cmake).
if(NOT FUZHU_BUILD_TESTS)
  return()
endif()

target_sources(unit_tests PRIVATE
  ${PROJECT_SOURCE_DIR}/tests/unit/test_api.cpp
  ${PROJECT_SOURCE_DIR}/tests/unit/test_hot_reload.cpp)

# A host with add_subdirectory(fuzhu), building a shared libfuzhu from source
# on a machine with only PEGTL, fmt and nlohmann_json; then what that
# libfuzhu exports. Both are about the build, not memory: the sanitizer
# builds skip them (and their second compile of the library).
if(NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  set(FUZHU_HOST_WORK ${CMAKE_CURRENT_BINARY_DIR}/tests/subdirectory)
  add_test(NAME package.add_subdirectory
           COMMAND ${CMAKE_COMMAND} -DSOURCE=${PROJECT_SOURCE_DIR} -DWORK=${FUZHU_HOST_WORK}
                   "-DGENERATOR=${CMAKE_GENERATOR}" -P ${PROJECT_SOURCE_DIR}/tests/package/subdirectory.cmake)
  set_tests_properties(package.add_subdirectory PROPERTIES TIMEOUT 1200 PROCESSORS 2
                       FIXTURES_SETUP shared_libfuzhu)
  add_test(NAME package.exports
           COMMAND ${CMAKE_COMMAND} -DLIBRARY=${FUZHU_HOST_WORK}/build/fuzhu/libfuzhu.so
                   -DAPI=cxx "-DREQUIRED=fuzhu::version();fuzhu::Policy::compile_file"
                   -P ${PROJECT_SOURCE_DIR}/tests/package/exports.cmake)
  set_tests_properties(package.exports PROPERTIES FIXTURES_REQUIRED shared_libfuzhu)
endif()
