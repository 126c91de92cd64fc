# `fuzhu eval --explain`: why each benefit is granted, not granted or
# undetermined (src/eval/explain.*, src/io/explain_text.cpp).
target_sources(fuzhu_objects PRIVATE
  ${PROJECT_SOURCE_DIR}/src/eval/explain.cpp
  ${PROJECT_SOURCE_DIR}/src/eval/explain_rows.cpp
  ${PROJECT_SOURCE_DIR}/src/io/explain_text.cpp)

if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit/test_explain.cpp)

  # End to end: the hand-worked bereaved family of the README, explained.
  add_test(NAME cli.eval_explain_text
           COMMAND ${CMAKE_COMMAND} "-DCMD=$<TARGET_FILE:fuzhu_cli>;eval;policies/yiyang.policy;examples/families/yiyang_bereaved.json;--as-of;2026-11-23;--explain"
                   -DEXIT=0 "-DREGEX=规则：条件：扶助对象家庭.*age\\(mother\\) >= 49 → 是   \\[age\\(mother\\) = 56\\]"
                   -P ${PROJECT_SOURCE_DIR}/tests/cli/expect.cmake
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME cli.eval_explain_json
           COMMAND ${CMAKE_COMMAND} "-DCMD=$<TARGET_FILE:fuzhu_cli>;eval;policies/yiyang.policy;examples/families/yiyang_bereaved.json;--as-of;2026-11-23;--explain;--format;json"
                   -DEXIT=0 "-DREGEX=\"explanations\": \\[.*\"decision\": \"granted\""
                   -P ${PROJECT_SOURCE_DIR}/tests/cli/expect.cmake
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
