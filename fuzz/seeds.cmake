# Builds the fuzzers' seed corpora from the project's own files:
#   cmake -DSOURCE=/work/main -DOUT=build-fuzz/seeds -P fuzz/seeds.cmake
# OUT/policy: policies/* (facts.schema too), tests/bad/*.policy and the
#             policies among the fuzz regressions (DAG-shaped chains);
# OUT/facts:  examples/families/*.json, tests/bad/*.json, the odd inputs of
#             tests/facts_corpus/*.json (each reader must agree on them), and
#             the "facts" object of every case in tests/cases/*.cases.json.
# CMake itself reads the JSON (string(JSON)), so no other tool is needed.
cmake_minimum_required(VERSION 3.25)
foreach(var SOURCE OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "usage: cmake -DSOURCE=<repo> -DOUT=<folder> -P seeds.cmake")
  endif()
endforeach()

file(REMOVE_RECURSE ${OUT}/policy ${OUT}/facts)
file(MAKE_DIRECTORY ${OUT}/policy ${OUT}/facts)

file(GLOB policy_seeds ${SOURCE}/policies/* ${SOURCE}/tests/bad/*.policy ${SOURCE}/tests/regress/fuzz_policy/*.policy)
file(COPY ${policy_seeds} DESTINATION ${OUT}/policy)

file(GLOB facts_seeds ${SOURCE}/examples/families/*.json ${SOURCE}/tests/bad/*.json ${SOURCE}/tests/facts_corpus/*.json)
file(COPY ${facts_seeds} DESTINATION ${OUT}/facts)

file(GLOB case_files ${SOURCE}/tests/cases/*.cases.json)
set(extracted 0)
foreach(case_file IN LISTS case_files)
  get_filename_component(stem ${case_file} NAME_WE)
  file(READ ${case_file} text)
  string(JSON count ERROR_VARIABLE error LENGTH "${text}" cases)
  if(error)
    message(WARNING "${case_file}: ${error}")
    continue()
  endif()
  if(count EQUAL 0)
    continue()
  endif()
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON facts ERROR_VARIABLE error GET "${text}" cases ${i} facts)
    if(NOT error)
      file(WRITE ${OUT}/facts/${stem}-case${i}.json "${facts}\n")
      math(EXPR extracted "${extracted} + 1")
    endif()
  endforeach()
endforeach()
message(STATUS "seeds: ${extracted} case families extracted into ${OUT}/facts")
