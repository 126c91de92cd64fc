# Installs the build into a fresh prefix, builds tests/package against it
# and runs the result on Yiyang's policy; then the same program through
# pkg-config. Arguments: BUILD, SOURCE, WORK, and the build's FLAGS and
# LINK_FLAGS (a sanitizer build's library needs them).
file(REMOVE_RECURSE ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/run.cmake)
run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${WORK}/prefix)
run(${CMAKE_COMMAND} -S ${SOURCE}/tests/package -B ${WORK}/build -DCMAKE_PREFIX_PATH=${WORK}/prefix
    "-DCMAKE_CXX_FLAGS=${FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK}/build)
run(${WORK}/build/consumer ${WORK}/prefix/share/fuzhu/policies/yiyang.policy 2026-11-23)
expect("monthly total: 980 元")

# FUZHU_POLICIES_DIR of the package is where the policies are; through it a
# policy given as text finds `use "facts.schema"` (run where there is none).
file(READ ${WORK}/build/policies_dir.txt policies_dir)
if(NOT policies_dir STREQUAL "${WORK}/prefix/share/fuzhu/policies")
  message(FATAL_ERROR "FUZHU_POLICIES_DIR is \"${policies_dir}\"")
endif()
run_in(${WORK} ${WORK}/build/use_installed ${SOURCE}/policies/yiyang.policy ${policies_dir})
expect("compiled 24 benefits, library 0.1.0, headers 0.1.0\nwithout policies_dir: cannot read \"facts.schema\"")

# pkg-config: the flags it gives build and link the same program.
find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_PATH} ${WORK}/prefix/lib/pkgconfig)
  run(${PKG_CONFIG} --cflags --libs fuzhu)
  separate_arguments(pc_flags UNIX_COMMAND "${LAST_OUTPUT}")
  separate_arguments(flags UNIX_COMMAND "${FLAGS} ${LINK_FLAGS}")
  run(c++ -std=c++20 ${flags} ${SOURCE}/examples/embed.cpp ${pc_flags} -o ${WORK}/pc_consumer)
  run(${WORK}/pc_consumer ${WORK}/prefix/share/fuzhu/policies/yiyang.policy 2026-11-23)
  expect("monthly total: 980 元")
  run(${PKG_CONFIG} --variable=policiesdir fuzhu)
  string(STRIP "${LAST_OUTPUT}" pc_policies)
  if(NOT EXISTS ${pc_policies}/facts.schema)
    message(FATAL_ERROR "pkg-config's policiesdir \"${pc_policies}\" has no facts.schema")
  endif()
endif()
