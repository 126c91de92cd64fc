# Builds the fuzzers' seed corpora from the project's own files:
#   cmake -DSOURCE=/work/main -DOUT=build-fuzz/seeds -P fuzz/seeds.cmake
# OUT/policy: policies/* (facts.schema too), tests/bad/*.policy and the
#             policies among the fuzz regressions (DAG-shaped chains);
# OUT/facts:  examples/families/*.json, tests/bad/*.json, the odd inputs of
#             tests/facts_corpus/*.json (each reader must agree on them), and
#             the "facts" object of every case in tests/cases/*.cases.json.
# OUT/flat:  policies/*.policy and tests/documents/*.policy, alone and each
#             followed by `#facts` and the families of its cases (fuzz_flat).
# CMake itself reads the JSON (string(JSON)), so no other tool is needed.
cmake_minimum_required(VERSION 3.25)
foreach(var SOURCE OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "usage: cmake -DSOURCE=<repo> -DOUT=<folder> -P seeds.cmake")
  endif()
endforeach()

file(REMOVE_RECURSE ${OUT}/policy ${OUT}/facts ${OUT}/flat)
file(MAKE_DIRECTORY ${OUT}/policy ${OUT}/facts ${OUT}/flat)

file(GLOB policy_seeds ${SOURCE}/policies/* ${SOURCE}/tests/bad/*.policy ${SOURCE}/tests/regress/fuzz_policy/*.policy)
file(COPY ${policy_seeds} DESTINATION ${OUT}/policy)

file(GLOB facts_seeds ${SOURCE}/examples/families/*.json ${SOURCE}/tests/bad/*.json ${SOURCE}/tests/facts_corpus/*.json)
file(COPY ${facts_seeds} DESTINATION ${OUT}/facts)

file(GLOB flat_policies ${SOURCE}/policies/*.policy ${SOURCE}/tests/documents/*.policy)
file(COPY ${flat_policies} DESTINATION ${OUT}/flat)

file(GLOB case_files ${SOURCE}/tests/cases/*.cases.json ${SOURCE}/tests/documents/*.cases.json)
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
      # fuzz_flat: the city's policy, then the family ("yiyang.payers.cases" → yiyang.policy).
      string(REGEX REPLACE "\\..*" "" city ${stem})
      foreach(policy ${SOURCE}/policies/${city}.policy ${SOURCE}/tests/documents/${city}.policy)
        if(EXISTS ${policy})
          file(READ ${policy} policy_text)
          file(WRITE ${OUT}/flat/${stem}-case${i}.txt "${policy_text}\n#facts\n${facts}\n")
        endif()
      endforeach()
      math(EXPR extracted "${extracted} + 1")
    endif()
  endforeach()
endforeach()
message(STATUS "seeds: ${extracted} case families extracted into ${OUT}/facts")
