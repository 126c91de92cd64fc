# Renders POLICY in plain words (`fuzhu plain POLICY --lang LANG`) and
# compares it with GOLDEN. On a mismatch it prints a unified diff (golden
# first) and fails. To accept a changed rendering, read it against the
# document first (tests/plain/README.md), then regenerate:
#   ./build/fuzhu plain policies/CITY.policy --lang zh > tests/plain/CITY.zh.txt
execute_process(COMMAND ${FUZHU} plain ${POLICY} --lang ${LANG}
                OUTPUT_VARIABLE actual ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "fuzhu plain ${POLICY} failed (${status}):\n${errors}")
endif()
file(READ ${GOLDEN} expected)
if(NOT actual STREQUAL expected)
  string(RANDOM LENGTH 8 tag)
  set(actual_file ${WORK}/plain-actual-${tag}.txt)
  file(WRITE ${actual_file} "${actual}")
  execute_process(COMMAND diff -u ${GOLDEN} ${actual_file} OUTPUT_VARIABLE difference)
  file(REMOVE ${actual_file})
  message("${difference}")  # as diff wrote it: FATAL_ERROR would re-wrap the lines
  message(FATAL_ERROR "the plain rendering of ${POLICY} (${LANG}) differs from ${GOLDEN} (diff above)")
endif()
