# Generates populations and checks that `fuzhu simulate`
# prints the same report, byte for byte, on 1, 2 and 7 threads, and for the
# same families as JSON Lines and as CSV.
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${GENPOP} --seed 7 --count 20000 --bad-per-mille 5 OUTPUT_FILE ${WORK}/pop.jsonl RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "fuzhu-genpop failed: ${code}")
endif()
foreach(policy yiyang songjiang)
  foreach(threads 1 2 7)
    execute_process(COMMAND ${FUZHU} simulate policies/${policy}.policy ${WORK}/pop.jsonl --as-of 2026-11-23
                            --threads ${threads} --format json
                    OUTPUT_VARIABLE out_${threads} RESULT_VARIABLE code)
    if(NOT code EQUAL 0)
      message(FATAL_ERROR "${policy} on ${threads} threads: exit ${code}")
    endif()
  endforeach()
  if(NOT out_1 STREQUAL out_2 OR NOT out_1 STREQUAL out_7)
    message(FATAL_ERROR "${policy}: the report differs between 1, 2 and 7 threads")
  endif()
  if(NOT out_1 MATCHES "\"rejected_lines\": [1-9]")
    message(FATAL_ERROR "${policy}: expected some rejected lines:\n${out_1}")
  endif()
endforeach()

# The same families as JSON Lines and as CSV give the same report.
foreach(format jsonl csv)
  execute_process(COMMAND ${GENPOP} --seed 9 --count 5000 --format ${format} OUTPUT_FILE ${WORK}/same.${format})
  execute_process(COMMAND ${FUZHU} simulate policies/yiyang.policy ${WORK}/same.${format} --as-of 2026-11-23 --format json
                  OUTPUT_VARIABLE report_${format} RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${format}: exit ${code}")
  endif()
  string(REGEX REPLACE "\"population\": \"[^\"]*\"" "" report_${format} "${report_${format}}")
endforeach()
if(NOT report_jsonl STREQUAL report_csv)
  message(FATAL_ERROR "JSON Lines and CSV of the same families differ:\n${report_jsonl}\n---\n${report_csv}")
endif()
if(NOT report_csv MATCHES "\"benefit\": \"special_allowance\"")
  message(FATAL_ERROR "no special allowance in 5000 families?\n${report_csv}")
endif()
