# `fuzhu simulate` (src/sim), the population generator (tools/), their tests
# and the population benchmarks (bench/, see bench/README.md). Built with the CLI.
if(NOT FUZHU_BUILD_CLI)
  return()
endif()
find_package(simdjson REQUIRED)  # Debian: libsimdjson-dev

add_library(fuzhu_sim STATIC
  src/sim/line_source.cpp
  src/sim/json_reader.cpp
  src/sim/json_strict.cpp
  src/sim/csv_reader.cpp
  src/sim/tally.cpp
  src/sim/progress.cpp
  src/sim/change.cpp
  src/sim/simulate.cpp
  src/sim/report.cpp
  src/sim/report_parts.cpp
  src/sim/comparison_report.cpp
)
target_include_directories(fuzhu_sim PUBLIC ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
target_link_libraries(fuzhu_sim PUBLIC fuzhu_internal simdjson::simdjson PRIVATE fmt::fmt nlohmann_json::nlohmann_json)
find_package(Threads REQUIRED)
target_link_libraries(fuzhu_sim PUBLIC Threads::Threads)
fuzhu_warnings(fuzhu_sim)
if(FUZHU_FUZZ)  # fuzz_facts runs the JSON Lines reader: coverage guides it there too
  target_compile_options(fuzhu_sim PRIVATE -fsanitize=fuzzer-no-link ${FUZHU_FUZZ_SANITIZERS})
endif()

target_sources(fuzhu_cli PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/cmd_simulate.cpp)
target_link_libraries(fuzhu_cli PRIVATE fuzhu_sim)

add_executable(fuzhu_genpop tools/gen_population.cpp)
set_target_properties(fuzhu_genpop PROPERTIES OUTPUT_NAME fuzhu-genpop)
target_link_libraries(fuzhu_genpop PRIVATE fuzhu_internal CLI11::CLI11 fmt::fmt)
fuzhu_warnings(fuzhu_genpop)

# ---------------------------------------------------------------- tests
if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit/test_simulate.cpp)
  target_link_libraries(unit_tests PRIVATE fuzhu_sim)
endif()

if(FUZHU_BUILD_TESTS)
  set(SIM_DATA ${PROJECT_SOURCE_DIR}/tests/sim)
  function(fuzhu_sim_test name exit regex)
    fuzhu_expect_test(sim.${name} ${exit} "${regex}" ${ARGN})
  endfunction()
  set(FUZHU_BIN $<TARGET_FILE:fuzhu_cli>)
  # Five Yiyang families worked out by hand in tests/sim/README.md.
  fuzhu_sim_test(yiyang_text 0 "families granted anything +4.*special_allowance +4 +7 +3150 .*a year.s cost .*: 37800 元.*省级特别扶助资金 +2450 .*市财政 +120 .*区财政 +180 .*县财政 +400 "
    ${FUZHU_BIN} simulate policies/yiyang.policy ${SIM_DATA}/yiyang5.jsonl --as-of 2026-11-23 --threads 2)
  fuzhu_sim_test(yiyang_csv 0 "special_allowance +4 +7 +3150 "
    ${FUZHU_BIN} simulate policies/yiyang.policy ${SIM_DATA}/yiyang5.csv --as-of 2026-11-23)
  fuzhu_sim_test(rejected_lines 0 "rejected lines +3.*line 2: child.status: \"lost\" is not one of.*line 4: malformed JSON.*line 5: mother.birth_date: \"2025-02-30\" is not a date"
    ${FUZHU_BIN} simulate policies/yiyang.policy ${SIM_DATA}/bad.jsonl --as-of 2026-11-23 --threads 1)
  fuzhu_sim_test(bad_csv_header 1 "yiyang_bad_header.csv:1: the header: column 2 \"child.colour\" is not a fact"
    ${FUZHU_BIN} simulate policies/yiyang.policy ${SIM_DATA}/yiyang_bad_header.csv)
  fuzhu_sim_test(missing_population 1 "nowhere.jsonl: No such file"
    ${FUZHU_BIN} simulate policies/yiyang.policy nowhere.jsonl)
  fuzhu_sim_test(json_format 0 "\"benefit\": \"special_allowance\".*\"monthly\": \"3150\""
    ${FUZHU_BIN} simulate policies/yiyang.policy ${SIM_DATA}/yiyang5.jsonl --as-of 2026-11-23 --format json)
  # The same generated population gives the same report on 1, 2 and 7 threads.
  add_test(NAME sim.thread_count_independent
           COMMAND ${CMAKE_COMMAND} -DFUZHU=${FUZHU_BIN} -DGENPOP=$<TARGET_FILE:fuzhu_genpop>
                   -DWORK=${CMAKE_CURRENT_BINARY_DIR}/sim_threads -P ${SIM_DATA}/threads.cmake
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME sim.genpop_deterministic
           COMMAND ${CMAKE_COMMAND} -DGENPOP=$<TARGET_FILE:fuzhu_genpop>
                   -DWORK=${CMAKE_CURRENT_BINARY_DIR}/sim_genpop -P ${SIM_DATA}/genpop.cmake)
endif()

# ---------------------------------------------------------------- benchmarks
# Built with the project (so CI keeps them compiling); run by bench/run.sh.
if(NOT FUZHU_BUILD_BASELINES)
  return()
endif()
find_package(PkgConfig REQUIRED)
pkg_check_modules(LUA54 REQUIRED IMPORTED_TARGET lua5.4)  # Debian: liblua5.4-dev

# The Yiyang and Songjiang rules written by hand: plain C++, no fuzhu.
add_library(bench_native STATIC bench/native_rules.cpp)
target_include_directories(bench_native PUBLIC ${PROJECT_SOURCE_DIR}/bench)

add_executable(population_bench bench/population_bench.cpp bench/native_facts.cpp bench/lua_rules.cpp)
target_compile_definitions(population_bench PRIVATE FUZHU_BENCH_DIR="${PROJECT_SOURCE_DIR}/bench")
target_link_libraries(population_bench PRIVATE fuzhu_sim bench_native PkgConfig::LUA54 fmt::fmt)

add_executable(native_simulate bench/native_simulate.cpp)
target_link_libraries(native_simulate PRIVATE bench_native simdjson::simdjson)

add_executable(lua_simulate bench/lua_simulate.cpp)
target_link_libraries(lua_simulate PRIVATE PkgConfig::LUA54)
target_compile_definitions(lua_simulate PRIVATE FUZHU_BENCH_DIR="${PROJECT_SOURCE_DIR}/bench")

if(FUZHU_BUILD_TESTS)
  add_test(NAME bench.engines_agree
           COMMAND ${CMAKE_COMMAND} -DGENPOP=$<TARGET_FILE:fuzhu_genpop> -DBENCH=$<TARGET_FILE:population_bench>
                   -DPOP=${CMAKE_CURRENT_BINARY_DIR}/engines_agree.jsonl -P ${PROJECT_SOURCE_DIR}/bench/identical.cmake)
endif()

fuzhu_warnings(bench_native population_bench native_simulate lua_simulate)
