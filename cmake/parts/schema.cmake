# The facts schema as data: labels, roles, a policy's own facts, the events
# that cannot be (tests/unit/test_schema.cpp and the command line).
if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit/test_schema.cpp)

  # A death after the evaluation date grants nothing: the facts are wrong
  # (facts.md, "Facts that cannot be"), named with both dates.
  fuzhu_expect_test(cli.death_after_as_of 1
    "child.event_date: 2026-12-01 is after the evaluation date 2026-11-23 \\[X008\\]"
    $<TARGET_FILE:fuzhu_cli> eval policies/yiyang.policy tests/bad/death_after_as_of.json --as-of 2026-11-23)
  fuzhu_expect_test(cli.death_after_as_of_compare 1 "child.event_date: 2026-12-01 is after the evaluation date"
    $<TARGET_FILE:fuzhu_cli> compare tests/bad/death_after_as_of.json policies/yiyang.policy policies/songjiang.policy
    --as-of 2026-11-23)
endif()

if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit/test_facts_api.cpp)
endif()
