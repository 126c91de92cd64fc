# Installs the build into a fresh prefix, builds tests/package against it
# and runs the result on Yiyang's policy. Arguments: BUILD, SOURCE, WORK, and
# the build's FLAGS and LINK_FLAGS (a sanitizer build's library needs them).
file(REMOVE_RECURSE ${WORK})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    string(SUBSTRING "${out}\n${err}" 0 4000 excerpt)  # a link failure can print megabytes
    message(FATAL_ERROR "failed: ${ARGN}\n${excerpt}")
  endif()
  set(LAST_OUTPUT "${out}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${WORK}/prefix)
run(${CMAKE_COMMAND} -S ${SOURCE}/tests/package -B ${WORK}/build -DCMAKE_PREFIX_PATH=${WORK}/prefix
    "-DCMAKE_CXX_FLAGS=${FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK}/build)
run(${WORK}/build/consumer ${WORK}/prefix/share/fuzhu/policies/yiyang.policy 2026-11-23)
if(NOT LAST_OUTPUT MATCHES "monthly total: 980 元")
  message(FATAL_ERROR "unexpected output: ${LAST_OUTPUT}")
endif()
