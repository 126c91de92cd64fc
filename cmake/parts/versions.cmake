# Versions of a policy (issue 13, item 3): `fuzhu diff OLD NEW` and its
# families (docs/diff.md). The comparison is a small library of its own
# (src/versions/), linked into the CLI and the tests.
if(NOT FUZHU_BUILD_CLI)
  return()
endif()

add_library(fuzhu_versions STATIC
  ${PROJECT_SOURCE_DIR}/src/versions/canonical.cpp
  ${PROJECT_SOURCE_DIR}/src/versions/benefit_parts.cpp
  ${PROJECT_SOURCE_DIR}/src/versions/policy_diff.cpp
  ${PROJECT_SOURCE_DIR}/src/versions/family_diff.cpp
  ${PROJECT_SOURCE_DIR}/src/versions/plain_diff.cpp
  ${PROJECT_SOURCE_DIR}/src/versions/diff_report.cpp
)
target_include_directories(fuzhu_versions PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
target_link_libraries(fuzhu_versions PUBLIC fuzhu_internal PRIVATE fmt::fmt)
fuzhu_warnings(fuzhu_versions)

target_sources(fuzhu_cli PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/cmd_diff.cpp)
target_link_libraries(fuzhu_cli PRIVATE fuzhu_versions)

if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit/test_versions.cpp
                                    ${PROJECT_SOURCE_DIR}/tests/unit/test_change.cpp)
  target_link_libraries(unit_tests PRIVATE fuzhu_versions)
endif()

if(FUZHU_BUILD_TESTS)
  # tests/versions/README.md works out each expected row by hand.
  set(V ${PROJECT_SOURCE_DIR}/tests/versions)
  set(YIYANG ${PROJECT_SOURCE_DIR}/policies/yiyang.policy)
  file(GLOB VERSIONS_FAMILIES ${V}/families/*.json)
  function(fuzhu_diff_test name exit regex)
    fuzhu_expect_test(diff.${name} ${exit} "${regex}" $<TARGET_FILE:fuzhu_cli> diff ${ARGN})
  endfunction()
  # In plain words (the default): the condition added (family.glory_certificate,
  # labelled 持有《独生子女父母光荣证》) and the 2027 row replacing 490 / 420 from 2027-01-01.
  fuzhu_diff_test(yiyang_2027 1
    "~ special_allowance 特别扶助金\n  条件：新增「持有《独生子女父母光荣证》」\n  金额：子女死亡每月490元，伤残每月420元 → 自2027-01-01起子女死亡每月520元，伤残每月450元\n\n待遇：1项改变，0项新增，0项删去，23项未变\n$"
    ${YIYANG} ${V}/yiyang_2027.policy)
  fuzhu_diff_test(yiyang_2027_en 1
    "~ special_allowance 特别扶助金\n  Condition: added “the family's glory certificate: yes”\n  Amount: the child is deceased: 490 yuan a month, disabled: 420 yuan a month → from 2027-01-01: the child is deceased: 520 yuan a month, disabled: 450 yuan a month\n\nBenefits: 1 changed, 0 added, 0 removed, 23 unchanged\n$"
    ${YIYANG} ${V}/yiyang_2027.policy --lang en)
  fuzhu_diff_test(yiyang_2027_script 1
    "~ special_allowance 特别扶助金\n  condition:\n    - when 扶助对象家庭\n    \\+ when 扶助对象家庭 and family.glory_certificate\n  amount:\n      monthly schedule {\n        from 2017-09-29 => [^\n]*\n    \\+   from 2027-01-01 => match child.status { deceased => 520 元, disabled => 450 元 }\n      }\n\nbenefits: 1 changed, 0 added, 0 removed, 23 unchanged\n$"
    ${YIYANG} ${V}/yiyang_2027.policy --format script)
  fuzhu_diff_test(same 0 "待遇：0项改变，0项新增，0项删去，24项未变\n$" ${YIYANG} ${YIYANG})
  fuzhu_diff_test(reversed 1 "  条件：删去「持有《独生子女父母光荣证》」\n  金额：自2027-01-01起子女死亡每月520元，伤残每月450元 → 仍为子女死亡每月490元，伤残每月420元\n"
    ${V}/yiyang_2027.policy ${YIYANG})
  # On 2027-03-01 the new figures are in force: 490 → 520, 420 → 450; the
  # province keeps 390 / 320, the city and district share 130 by 4:6 (52, 78),
  # a county pays the 130 alone.
  fuzhu_diff_test(families_2027 1
    "1_heshan_bereaved.json：\n    改变 special_allowance 特别扶助金（女方）：每月490元；出资：省级特别扶助资金390元、市财政40元、区财政60元 → 每月520元；出资：省级特别扶助资金390元、市财政52元、区财政78元\n    改变 special_allowance 特别扶助金（男方）：每月490元[^\n]* → 每月520元[^\n]*\n.*2_anhua_disabled.json：\n    改变 special_allowance 特别扶助金（女方）：每月420元；出资：省级特别扶助资金320元、县财政100元 → 每月450元；出资：省级特别扶助资金320元、县财政130元\n.*3_ziyang_no_certificate.json：\n    失去 special_allowance 特别扶助金（女方）：每月490元[^\n]* → —\n.*4_taojiang_certificate_unknown.json：\n    无法确定 special_allowance 特别扶助金（女方）：每月420元[^\n]* → 无法确定（需补充：持有《独生子女父母光荣证》（family.glory_certificate））\n.*5_heshan_living.json：无变化\n.*6_heshan_mother_47.json：无变化\n6户中4户的待遇有变化\n$"
    ${YIYANG} ${V}/yiyang_2027.policy --families ${VERSIONS_FAMILIES} --as-of 2027-03-01)
  fuzhu_diff_test(families_2027_en 1
    "1_heshan_bereaved.json:\n    changed special_allowance 特别扶助金 \\(mother\\): 490 yuan a month; paid by: 省级特别扶助资金 390 yuan, 市财政 40 yuan, 区财政 60 yuan → 520 yuan a month; paid by: 省级特别扶助资金 390 yuan, 市财政 52 yuan, 区财政 78 yuan\n.*4 of 6 families' entitlements change\n$"
    ${YIYANG} ${V}/yiyang_2027.policy --families ${VERSIONS_FAMILIES} --as-of 2027-03-01 --lang en)
  # Before 2027 only the added condition changes anything.
  fuzhu_diff_test(families_2026 1 "1_heshan_bereaved.json：无变化\n.*2_anhua_disabled.json：无变化\n.*3_ziyang[^\n]*\n    失去 .*4_taojiang[^\n]*\n    无法确定 .*6户中2户的待遇有变化"
    ${YIYANG} ${V}/yiyang_2027.policy --families ${VERSIONS_FAMILIES} --as-of 2026-11-23)
  fuzhu_diff_test(families_same 0 "6_heshan_mother_47.json：无变化\n6户中0户的待遇有变化"
    ${YIYANG} ${YIYANG} --families ${VERSIONS_FAMILIES} --as-of 2027-03-01)
  # JSON keeps its fields and adds the plain ones.
  fuzhu_diff_test(json 1 "\"different\": true,.*\"change\": \"changed\",\n *\"benefit\": \"special_allowance\".*\"plain\": \\[\n *{\n *\"part\": \"condition\",\n *\"label\": \"条件\",\n *\"text\": \"新增「持有《独生子女父母光荣证》」\".*\"outcome\": \"lost\".*\"plain_before\": \"每月490元；出资：省级特别扶助资金390元、市财政40元、区财政60元\",\n *\"plain_after\": \"—\""
    ${YIYANG} ${V}/yiyang_2027.policy --families ${V}/families/3_ziyang_no_certificate.json --as-of 2027-03-01 --format json)
  fuzhu_diff_test(bad_lang 2 "" ${YIYANG} ${YIYANG} --lang fr)
  # Two cities: Foshan's definition of its eligible families (a special
  # family whose child was born on or before 2015-12-31, catalog) is added,
  # and an added benefit is said once, as its whole sentence (三（三）:
  # each parent of an eligible family, priority at designated hospitals).
  # Songjiang is final and undated in force; Foshan a draft in force 2020-01-01 to 2024-12-31.
  fuzhu_diff_test(added_whole 1
    "文件信息：\n.*  施行日期：2020-12-01 → 2020-01-01\n.*  有效期至：— → 2024-12-31\n.*  状态：正式 → 征求意见稿\n\n定义：\n\\+ eligible_family 精准扶助对象家庭（新增）\n  计生特殊家庭，且子女出生日期不晚于2015-12-31\n.*\n\\+ medical_green_channel 就医绿色通道（新增）\n  条件：精准扶助对象家庭；对象：夫妻每人；内容：[^\n]*\n\n"
    ${PROJECT_SOURCE_DIR}/policies/songjiang.policy ${PROJECT_SOURCE_DIR}/policies/foshan.policy)
  fuzhu_diff_test(policy_with_errors 2 "type_error.policy:11:8: error" ${YIYANG} ${PROJECT_SOURCE_DIR}/tests/bad/type_error.policy)
  fuzhu_diff_test(missing_policy 2 "nowhere.policy.*no such file" ${YIYANG} nowhere.policy)
  fuzhu_diff_test(bad_family 2 "bad_enum.json.*child.status: \"lost\" is not one of"
    ${YIYANG} ${V}/yiyang_2027.policy --families ${PROJECT_SOURCE_DIR}/tests/bad/bad_enum.json)
  fuzhu_diff_test(bad_as_of 2 "not a date" ${YIYANG} ${YIYANG} --as-of 2027-02-30)
  fuzhu_diff_test(usage 2 "" ${YIYANG})

  # simulate --baseline on the six families, every figure worked out by hand
  # in tests/versions/README.md (threads 2: the threaded path).
  function(fuzhu_baseline_test name exit regex)
    fuzhu_expect_test(simulate.baseline.${name} ${exit} "${regex}" $<TARGET_FILE:fuzhu_cli> simulate ${ARGN})
  endfunction()
  set(REFORM ${V}/yiyang_2027.policy ${V}/yiyang_reform.jsonl --baseline ${YIYANG})
  fuzhu_baseline_test(totals 0
    "families evaluated +6\n.*special_allowance +families +4 +2 +-2\n +per month +3150 +1940 +-1210\n.*total +per month +3150 +1940 +-1210\n.*a year's cost \\(12 × per month \\+ per year\\) +37800 +23280 +-14520\n"
    ${REFORM} --as-of 2027-03-01 --threads 2)
  fuzhu_baseline_test(payers 0
    "省级特别扶助资金 +per month +2450 +1420 +-1030\n市财政 +per month +120 +104 +-16\n区财政 +per month +180 +156 +-24\n县财政 +per month +400 +260 +-140\n"
    ${REFORM} --as-of 2027-03-01 --threads 2)
  fuzhu_baseline_test(families 0
    "gaining +2\n  losing +2\n  unchanged +2\n  largest gain \\+720 元, largest loss -10080 元; all families together -14520 元 a year\n.*-10000 or more +1\n  -1000 to -9999.99 +1\n  -100 to -999.99 +0\n  -0.01 to -99.99 +0\n  0 +2\n  \\+0.01 to \\+99.99 +0\n  \\+100 to \\+999.99 +2\n"
    ${REFORM} --as-of 2027-03-01 --threads 1)
  fuzhu_baseline_test(drivers 0
    "what drives the difference[^\n]*\n  special_allowance 特别扶助金  一（一）「每人每月分别提高到490元、420元」\n      a year -14520 元, once 0 元; families changed 4 \\(more 2, less 2\\)\n$"
    ${REFORM} --as-of 2027-03-01)
  # Before 2027-01-01 only the added condition counts: 980 + 840 = 1820 a
  # month; 3 and 4 lose 490 and 840 (× 12: 5880, 10080); nobody gains.
  fuzhu_baseline_test(before_the_new_rate 0
    "per month +3150 +1820 +-1330\n.*37800 +21840 +-15960\n.*gaining +0\n  losing +2\n  unchanged +4\n"
    ${REFORM} --as-of 2026-11-23)
  fuzhu_baseline_test(json 0
    "\"cash\": {\n *\"baseline\": \"37800\",\n *\"new\": \"23280\",\n *\"difference\": \"-14520\".*\"gaining\": 2,\n *\"losing\": 2,\n *\"unchanged\": 2,.*\"sum\": \"-14520\""
    ${REFORM} --as-of 2027-03-01 --format json)
  fuzhu_baseline_test(same_policy 0 "gaining +0\n  losing +0\n  unchanged +6\n"
    ${YIYANG} ${V}/yiyang_reform.jsonl --baseline ${YIYANG} --as-of 2027-03-01)
  fuzhu_baseline_test(baseline_with_errors 1 "type_error.policy:11:8: error"
    ${YIYANG} ${V}/yiyang_reform.jsonl --baseline ${PROJECT_SOURCE_DIR}/tests/bad/type_error.policy)
  fuzhu_baseline_test(missing_baseline 1 "nowhere.policy.*no such file" ${YIYANG} ${V}/yiyang_reform.jsonl --baseline nowhere.policy)
  add_test(NAME simulate.baseline.thread_count_independent
           COMMAND ${CMAKE_COMMAND} -DFUZHU=$<TARGET_FILE:fuzhu_cli> -DGENPOP=$<TARGET_FILE:fuzhu_genpop>
                   -DWORK=${CMAKE_CURRENT_BINARY_DIR}/baseline_threads -P ${V}/baseline_threads.cmake
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
