# Robustness: fuzz harnesses, their regression replays, the concurrency and
# limits tests (docs/robustness.md).
#
#   FUZHU_FUZZ=ON (clang only) builds the libFuzzer harnesses fuzz_policy,
#   fuzz_facts, fuzz_eval, fuzz_tokens and fuzz_flat; the library is instrumented for coverage.
#   Without it, each harness is built as a replay program (fuzz/replay_main.cpp)
#   that runs the saved inputs of tests/regress/<harness>/ as a test.

option(FUZHU_FUZZ "Build the libFuzzer harnesses (clang)" OFF)

set(FUZHU_FUZZ_HARNESSES fuzz_policy fuzz_facts fuzz_eval fuzz_tokens fuzz_flat)

function(fuzhu_harness_target target harness)
  target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/fuzz/${harness}.cpp)
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
  target_link_libraries(${target} PRIVATE fuzhu_internal fmt::fmt nlohmann_json::nlohmann_json)
  target_compile_definitions(${target} PRIVATE FUZHU_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  if(harness STREQUAL "fuzz_facts")  # compares simulate's JSON Lines reader with the file reader
    target_link_libraries(${target} PRIVATE fuzhu_sim)
  endif()
  if(harness STREQUAL "fuzz_tokens")  # the scanner against a parse tree of the grammar
    target_link_libraries(${target} PRIVATE taocpp::pegtl)
  endif()
  fuzhu_warnings(${target})
endfunction()

if(FUZHU_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "FUZHU_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  set(FUZHU_FUZZ_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  # The library gets coverage instrumentation; the harnesses get libFuzzer's main.
  target_compile_options(fuzhu_objects PRIVATE -fsanitize=fuzzer-no-link ${FUZHU_FUZZ_SANITIZERS})
  target_link_options(fuzhu_lib INTERFACE ${FUZHU_FUZZ_SANITIZERS})
  foreach(harness IN LISTS FUZHU_FUZZ_HARNESSES)
    add_executable(${harness})
    fuzhu_harness_target(${harness} ${harness})
    target_compile_options(${harness} PRIVATE -fsanitize=fuzzer ${FUZHU_FUZZ_SANITIZERS})
    target_link_options(${harness} PRIVATE -fsanitize=fuzzer ${FUZHU_FUZZ_SANITIZERS})
  endforeach()
elseif(FUZHU_BUILD_TESTS)
  # Every input that once crashed, hung or leaked is replayed on every build.
  foreach(harness IN LISTS FUZHU_FUZZ_HARNESSES)
    add_executable(${harness}_replay ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp)
    fuzhu_harness_target(${harness}_replay ${harness})
    set(inputs ${PROJECT_SOURCE_DIR}/tests/regress/${harness})
    if(harness STREQUAL "fuzz_facts")  # the shared corpus of odd facts, through both JSON readers
      list(APPEND inputs ${PROJECT_SOURCE_DIR}/tests/facts_corpus)
    endif()
    add_test(NAME regress.${harness} COMMAND ${harness}_replay ${inputs})
    # Some of these inputs once took a minute: a hang is a failure too.
    set_tests_properties(regress.${harness} PROPERTIES TIMEOUT 120)
  endforeach()
endif()

if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE
    ${PROJECT_SOURCE_DIR}/tests/unit/test_concurrency.cpp
    ${PROJECT_SOURCE_DIR}/tests/unit/test_limits.cpp)
  find_package(Threads REQUIRED)
  target_link_libraries(unit_tests PRIVATE Threads::Threads)
endif()
