# The C ABI gives what the command line gives:
# - every family of tests/cases and the example family, evaluated through
#   fuzhu_evaluate_json (capi_eval), prints the bytes of `fuzhu eval
#   --format json` and fails where it fails;
# - a generated population decided through fuzhu_decide_json and tallied in
#   C (capi_decide) has the totals of `fuzhu simulate --format json`, to the
#   fen, benefit by benefit and payer by payer.
# Arguments: FUZHU, EVAL, DECIDE, GENPOP, WORK. Run from the source folder.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

set(compared 0)
function(compare_eval policy facts as_of)
  set(extra ${ARGN})  # nothing, "explain", or "explain;LANG"
  set(cli_flags)
  if(extra MATCHES "^explain")
    set(cli_flags --explain)
  endif()
  list(LENGTH extra n)
  if(n EQUAL 2)
    list(GET extra 1 lang)
    list(APPEND cli_flags --lang ${lang})
  endif()
  execute_process(COMMAND ${FUZHU} eval ${policy} ${facts} --as-of ${as_of} --format json ${cli_flags}
                  RESULT_VARIABLE cli_code OUTPUT_VARIABLE cli_out ERROR_QUIET)
  execute_process(COMMAND ${EVAL} ${policy} ${facts} ${as_of} ${extra}
                  RESULT_VARIABLE c_code OUTPUT_VARIABLE c_out ERROR_VARIABLE c_err)
  if(NOT cli_code EQUAL c_code OR NOT cli_out STREQUAL c_out)
    message(FATAL_ERROR "${policy} ${facts} ${as_of} ${extra}: the C ABI (exit ${c_code}) and fuzhu eval "
                        "(exit ${cli_code}) differ\nC:\n${c_out}${c_err}\nCLI:\n${cli_out}")
  endif()
  math(EXPR n "${compared} + 1")
  set(compared ${n} PARENT_SCOPE)
endfunction()

# Every case family, on its own date.
file(GLOB case_files tests/cases/*.cases.json)
foreach(case_file IN LISTS case_files)
  file(READ ${case_file} doc)
  string(JSON policy GET "${doc}" policy)
  get_filename_component(case_dir ${case_file} DIRECTORY)
  get_filename_component(policy ${case_dir}/${policy} ABSOLUTE)
  string(JSON cases LENGTH "${doc}" cases)
  math(EXPR last "${cases} - 1")
  foreach(i RANGE ${last})
    string(JSON facts GET "${doc}" cases ${i} facts)
    string(JSON as_of GET "${doc}" cases ${i} as_of)
    set(facts_file ${WORK}/case.json)
    file(WRITE ${facts_file} "${facts}")
    compare_eval(${policy} ${facts_file} ${as_of})
  endforeach()
endforeach()

# The example family under every policy, explained, and impossible facts.
file(GLOB policies policies/*.policy)
foreach(policy IN LISTS policies)
  compare_eval(${policy} examples/families/yiyang_bereaved.json 2026-11-23 explain)
endforeach()
compare_eval(policies/yiyang.policy examples/families/yiyang_bereaved.json 2026-11-23 explain en)
compare_eval(policies/yiyang.policy examples/families/yiyang_bereaved.json 1960-01-01)
compare_eval(policies/yiyang.policy tests/bad/bad_enum.json 2026-11-23)
message(STATUS "${compared} evaluations: the C ABI printed what fuzhu eval printed")

# A generated population (with bad lines): per benefit and per payer totals.
function(yuan_to_fen yuan out)
  if(yuan MATCHES "^(-?)([0-9]+)\\.([0-9][0-9])$")
    math(EXPR fen "${CMAKE_MATCH_2} * 100 + ${CMAKE_MATCH_3}")
    if(CMAKE_MATCH_1)
      math(EXPR fen "-${fen}")
    endif()
  elseif(yuan MATCHES "^-?[0-9]+$")
    math(EXPR fen "${yuan} * 100")
  else()
    message(FATAL_ERROR "not an amount: ${yuan}")
  endif()
  set(${out} ${fen} PARENT_SCOPE)
endfunction()

# Rows of totals per kind, then per period, from simulate's JSON: the
# keys in ARGN lead to {"monthly": {"cash": …}, …}. Reads `report` and
# `kinds` and appends to `expected` of the caller.
function(kind_rows prefix)
  foreach(kind IN LISTS kinds)
    set(row "${prefix}\t${kind}")
    foreach(period monthly yearly once)
      string(JSON yuan GET "${report}" ${ARGN} ${period} ${kind})
      yuan_to_fen(${yuan} fen)
      string(APPEND row "\t${fen}")
    endforeach()
    string(APPEND expected "${row}\n")
  endforeach()
  set(expected "${expected}" PARENT_SCOPE)
endfunction()

set(kinds cash in_kind minimum discretionary)
execute_process(COMMAND ${GENPOP} --seed 12 --count 3000 --bad-per-mille 5 OUTPUT_FILE ${WORK}/population.jsonl
                COMMAND_ERROR_IS_FATAL ANY)
foreach(policy yiyang songjiang)
  execute_process(COMMAND ${FUZHU} simulate policies/${policy}.policy ${WORK}/population.jsonl
                          --as-of 2026-11-23 --format json --threads 1
                  OUTPUT_VARIABLE report COMMAND_ERROR_IS_FATAL ANY)
  set(expected "")
  string(JSON count LENGTH "${report}" benefits)
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    set(row "benefit")
    foreach(key benefit kind families recipients payers_undetermined)
      string(JSON value GET "${report}" benefits ${i} ${key})
      string(APPEND row "\t${value}")
    endforeach()
    foreach(period monthly yearly once)
      string(JSON yuan GET "${report}" benefits ${i} totals ${period})
      yuan_to_fen(${yuan} fen)
      string(APPEND row "\t${fen}")
    endforeach()
    string(APPEND expected "${row}\n")
  endforeach()
  kind_rows(total totals)
  string(JSON count LENGTH "${report}" payers)
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON name GET "${report}" payers ${i} payer)
      kind_rows("payer\t${name}" payers ${i} totals)
    endforeach()
  endif()
  string(JSON families GET "${report}" families_evaluated)
  string(JSON rejected GET "${report}" rejected_lines)
  string(APPEND expected "families\t${families}\nrejected\t${rejected}\n")

  execute_process(COMMAND ${DECIDE} policies/${policy}.policy ${WORK}/population.jsonl 2026-11-23
                  OUTPUT_VARIABLE decided COMMAND_ERROR_IS_FATAL ANY)
  if(NOT decided STREQUAL expected)
    message(FATAL_ERROR "${policy}: the C ABI's totals differ from fuzhu simulate's\nC:\n${decided}\nsimulate:\n${expected}")
  endif()
  if(NOT rejected GREATER 0 OR NOT expected MATCHES "benefit\tspecial_allowance\tcash\t[1-9]")
    message(FATAL_ERROR "${policy}: the population should have rejected lines and granted special allowances")
  endif()
  message(STATUS "${policy}: ${families} families and ${rejected} rejected lines, the same totals through C")
endforeach()
