# Files in and out (issue 11): the bounded reader every command and the
# loader use, the atomic writer of `fmt` and `report -o`, and their tests.
target_sources(fuzhu_objects PRIVATE ${PROJECT_SOURCE_DIR}/src/files/read_file.cpp)
target_sources(fuzhu_objects PRIVATE ${PROJECT_SOURCE_DIR}/src/syntax/printable.cpp)
if(NOT FUZHU_BUILD_CLI)
  return()
endif()
target_sources(fuzhu_cli PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/atomic_write.cpp)
if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE
    ${PROJECT_SOURCE_DIR}/tests/unit/test_facts_corpus.cpp
    ${PROJECT_SOURCE_DIR}/tests/unit/test_files.cpp
    ${PROJECT_SOURCE_DIR}/tests/unit/test_use.cpp
    ${PROJECT_SOURCE_DIR}/src/cli/atomic_write.cpp)
endif()
target_sources(fuzhu_cli PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/case_file.cpp)

if(FUZHU_BUILD_TESTS)
  # fmt, report -o and the readers against links, modes, FIFOs, full disks.
  add_test(NAME cli.files
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/cli/files.sh $<TARGET_FILE:fuzhu_cli> ${PROJECT_SOURCE_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/cli_files)
  set_tests_properties(cli.files PROPERTIES TIMEOUT 120)
endif()
