# A test, not a benchmark: on a small generated population, the engines the
# benchmark compares (fuzhu's Decider and Policy::evaluate, the hand-written
# C++, Lua 5.4) must agree benefit by benefit, so that bench/run.sh compares
# the same rules. Run by ctest with GENPOP, BENCH and POP set.
execute_process(COMMAND ${GENPOP} --seed 7 --count 4000 OUTPUT_FILE ${POP} RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "fuzhu-genpop failed (${code}): ${err}")
endif()
execute_process(COMMAND ${BENCH} ${POP} 1500 RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0 OR NOT out MATCHES "results identical, benefit by benefit: yes")
  message(FATAL_ERROR "the engines disagree (exit ${code}):\n${out}\n${err}")
endif()
