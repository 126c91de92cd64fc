# Plain language (issue 13.1): every benefit and definition as sentences,
# rendered from the checked program when it is compiled (src/plain/,
# include/fuzhu/plain.hpp, docs/plain.md).
target_sources(fuzhu_objects PRIVATE
  ${PROJECT_SOURCE_DIR}/src/plain/words.cpp
  ${PROJECT_SOURCE_DIR}/src/plain/negation.cpp
  ${PROJECT_SOURCE_DIR}/src/plain/phrase.cpp
  ${PROJECT_SOURCE_DIR}/src/plain/render.cpp
  ${PROJECT_SOURCE_DIR}/src/api/plain.cpp)

if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit/test_plain.cpp)

  # The five policies' rendering against the goldens, read against the
  # documents by hand (tests/plain/README.md); a mismatch prints a diff.
  foreach(city ankang foshan songjiang yiyang zhangdian)
    add_test(NAME plain.${city}.zh
             COMMAND ${CMAKE_COMMAND} -DFUZHU=$<TARGET_FILE:fuzhu_cli> -DPOLICY=policies/${city}.policy -DLANG=zh
                     -DWORK=${PROJECT_BINARY_DIR} -DGOLDEN=tests/plain/${city}.zh.txt -P ${PROJECT_SOURCE_DIR}/tests/plain/compare.cmake
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  endforeach()
  # And in English (--lang en), for readers who do not read Chinese.
  foreach(city ankang foshan songjiang yiyang zhangdian)
    add_test(NAME plain.${city}.en
             COMMAND ${CMAKE_COMMAND} -DFUZHU=$<TARGET_FILE:fuzhu_cli> -DPOLICY=policies/${city}.policy -DLANG=en
                     -DWORK=${PROJECT_BINARY_DIR} -DGOLDEN=tests/plain/${city}.en.txt -P ${PROJECT_SOURCE_DIR}/tests/plain/compare.cmake
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  endforeach()
endif()

if(TARGET fuzhu_cli)
  target_sources(fuzhu_cli PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/cmd_plain.cpp ${PROJECT_SOURCE_DIR}/src/cli/failure_rules.cpp)
endif()

if(TARGET fuzhu_cli AND FUZHU_BUILD_TESTS)
  # A failed case shows the plain rule of the benefit it names.
  fuzhu_expect_test(plain.test_failure_shows_rule 1
    "missing: special_allowance mother 500.*规则 special_allowance 特别扶助金：条件：扶助对象家庭；对象：夫妻每人；金额：子女死亡每月490元"
    $<TARGET_FILE:fuzhu_cli> test tests/plain/failing.cases.json)
  fuzhu_expect_test(plain.eval_explain_en 0
    "Rule: Condition: 扶助对象家庭; Recipient: each parent; Amount: the child is deceased: 490 yuan a month.*when 扶助对象家庭"
    $<TARGET_FILE:fuzhu_cli> eval policies/yiyang.policy examples/families/yiyang_bereaved.json --as-of 2026-11-23 --explain --lang en)
  fuzhu_expect_test(plain.eval_explain_json 0
    "\"plain\": \"条件：扶助对象家庭；对象：夫妻每人；金额：子女死亡每月490元"
    $<TARGET_FILE:fuzhu_cli> eval policies/yiyang.policy examples/families/yiyang_bereaved.json --as-of 2026-11-23 --explain --format json)
  fuzhu_expect_test(plain.bad_lang 2 "" $<TARGET_FILE:fuzhu_cli> plain policies/yiyang.policy --lang fr)
endif()
