# Builds tests/package/subdirectory (a host with add_subdirectory(fuzhu) and
# a shared libfuzhu) on a machine with only the library's dependencies,
# checks that the host's build made nothing but the library and its own
# programs, runs them, installs to the host's prefix and checks that a policy
# given as text finds the installed facts.schema with nothing set.
# Arguments: SOURCE, WORK, GENERATOR.
file(REMOVE_RECURSE ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/run.cmake)
run(${CMAKE_COMMAND} -S ${SOURCE}/tests/package/subdirectory -B ${WORK}/build -G ${GENERATOR}
    -DFUZHU_SOURCE=${SOURCE} -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=${WORK}/prefix)
run(${CMAKE_COMMAND} --build ${WORK}/build --parallel 2)

# Under add_subdirectory the CLI, tests, tools, benchmarks and examples are off.
file(GLOB_RECURSE built LIST_DIRECTORIES false RELATIVE ${WORK}/build/fuzhu ${WORK}/build/fuzhu/*)
list(FILTER built EXCLUDE REGEX "CMakeFiles/|\\.cmake$|\\.ninja|Makefile|\\.txt$|\\.hpp$|\\.pc$|\\.json$")
if(NOT built STREQUAL "libfuzhu.so;libfuzhu.so.0.1;libfuzhu.so.0.1.0")
  message(FATAL_ERROR "add_subdirectory(fuzhu) built more than the library: ${built}")
endif()

run(${WORK}/build/host ${SOURCE}/policies/yiyang.policy 2026-11-23)
expect("monthly total: 980 元")
run(${CMAKE_COMMAND} --install ${WORK}/build)
run_in(${WORK} ${WORK}/build/use_installed ${SOURCE}/policies/yiyang.policy)
expect("compiled 24 benefits, library 0.1.0, headers 0.1.0\nwithout policies_dir: cannot read \"facts.schema\"")
