# Helpers of the tests/package scripts: run a command, fail with its output.
function(run_in dir)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${dir}
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    string(SUBSTRING "${out}\n${err}" 0 4000 excerpt)  # a link failure can print megabytes
    message(FATAL_ERROR "failed: ${ARGN}\n${excerpt}")
  endif()
  set(LAST_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

function(run)
  run_in(${CMAKE_CURRENT_BINARY_DIR} ${ARGN})
  set(LAST_OUTPUT "${LAST_OUTPUT}" PARENT_SCOPE)
endfunction()

# The last command's output contains `text` (a plain string, not a regex).
macro(expect text)
  string(FIND "${LAST_OUTPUT}" "${text}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "expected \"${text}\" in:\n${LAST_OUTPUT}")
  endif()
endmacro()
