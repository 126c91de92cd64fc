# The C ABI (include/fuzhu/fuzhu.h, src/capi/): libfuzhu_c, a shared library
# holding the whole of fuzhu and exporting only the fuzhu_* functions, for C
# and for languages that call C (Python's ctypes: python/fuzhu).
if(NOT FUZHU_BUILD_C_API)
  return()
endif()

add_library(fuzhu_c SHARED
  ${PROJECT_SOURCE_DIR}/src/capi/errors.cpp
  ${PROJECT_SOURCE_DIR}/src/capi/diagnostics.cpp
  ${PROJECT_SOURCE_DIR}/src/capi/policy.cpp
  ${PROJECT_SOURCE_DIR}/src/capi/schema.cpp
  ${PROJECT_SOURCE_DIR}/src/capi/evaluate.cpp
  ${PROJECT_SOURCE_DIR}/src/capi/decide.cpp
)
add_library(fuzhu::fuzhu_c ALIAS fuzhu_c)
target_include_directories(fuzhu_c
  PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
  PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
# fuzhu_internal is static (position-independent): libfuzhu_c needs no libfuzhu.
target_link_libraries(fuzhu_c PRIVATE fuzhu_internal fmt::fmt nlohmann_json::nlohmann_json)
# The soname follows FUZHU_C_ABI_VERSION of fuzhu.h: libfuzhu_c.so.1.
set_target_properties(fuzhu_c PROPERTIES CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
                      SOVERSION 1 LINK_DEPENDS ${PROJECT_SOURCE_DIR}/cmake/libfuzhu_c.map)
target_link_options(fuzhu_c PRIVATE
  "LINKER:--version-script=${PROJECT_SOURCE_DIR}/cmake/libfuzhu_c.map" LINKER:--no-undefined)
fuzhu_warnings(fuzhu_c)

if(NOT FUZHU_BUILD_TESTS)
  return()
endif()
enable_language(C)

# The C ABI from a C11 program, under AddressSanitizer and UBSan whatever
# the build: leaks of handles, double frees and overruns of what the library
# hands out are caught at the boundary (the asan preset also instruments the
# library itself).
set(FUZHU_C_SANITIZE -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
foreach(program test_capi capi_eval capi_decide)
  add_executable(${program} ${PROJECT_SOURCE_DIR}/tests/capi/${program}.c)
  set_target_properties(${program} PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
  target_compile_options(${program} PRIVATE -Wall -Wextra -Wpedantic ${FUZHU_C_SANITIZE})
  target_link_options(${program} PRIVATE ${FUZHU_C_SANITIZE})
  target_link_libraries(${program} PRIVATE fuzhu_c)
endforeach()
set(FUZHU_C_SANITIZER_ENV "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1"
                          "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")

add_test(NAME capi.c11 COMMAND test_capi ${PROJECT_SOURCE_DIR})
set_tests_properties(capi.c11 PROPERTIES ENVIRONMENT "${FUZHU_C_SANITIZER_ENV}")

# Through C, every example family gives the bytes `fuzhu eval --format json`
# prints, and a generated population the totals of `fuzhu simulate`.
add_test(NAME capi.same_as_cli
         COMMAND ${CMAKE_COMMAND} -DFUZHU=$<TARGET_FILE:fuzhu_cli> -DEVAL=$<TARGET_FILE:capi_eval>
                 -DDECIDE=$<TARGET_FILE:capi_decide> -DGENPOP=$<TARGET_FILE:fuzhu_genpop>
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/capi_same -P ${PROJECT_SOURCE_DIR}/tests/capi/same_as_cli.cmake
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(capi.same_as_cli PROPERTIES ENVIRONMENT "${FUZHU_C_SANITIZER_ENV}" TIMEOUT 300)

add_test(NAME capi.exports
         COMMAND ${CMAKE_COMMAND} -DLIBRARY=$<TARGET_FILE:fuzhu_c> -DAPI=c
                 "-DREQUIRED=fuzhu_policy_compile_file;fuzhu_decide_json;fuzhu_last_error"
                 -P ${PROJECT_SOURCE_DIR}/tests/package/exports.cmake)
