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

# fuzhu facts: the facts a policy reads, as text or as a JSON Schema.
if(TARGET fuzhu_cli)
  target_sources(fuzhu_cli PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/cmd_facts.cpp)
endif()

if(TARGET fuzhu_cli AND BUILD_TESTING AND PROJECT_IS_TOP_LEVEL)
  # Hand-read lines of the text listing: a fact in the schema's notation with
  # its declaring file, a stand-in's birth date read for age(mother), the
  # whole schema with --all.
  fuzhu_expect_test(cli.facts_text 0
    "the 23 facts policies/yiyang.policy reads \\(of 66.*mother \"女方\": optional Individual \"个人\" role parent, age_else father   # policies/facts.schema:[0-9]+\n  mother.birth_date: date \"出生日期\" role birth   # policies/facts.schema:[0-9]+.*father.birth_date: date"
    $<TARGET_FILE:fuzhu_cli> facts policies/yiyang.policy)
  fuzhu_expect_test(cli.facts_text_all 0
    "every fact of the schema of policies/yiyang.policy \\(66 facts, 23 read.*household.relocation_floors: int 0..200 \"安置楼房层数\""
    $<TARGET_FILE:fuzhu_cli> facts policies/yiyang.policy --all)
  fuzhu_expect_test(cli.facts_added_by_policy 0
    "household.registered_since: date \"户籍登记日期\" role event   # tests/schema/registered_date.policy:11, added by the policy"
    $<TARGET_FILE:fuzhu_cli> facts tests/schema/registered_date.policy)
  fuzhu_expect_test(cli.facts_json_schema 0
    "\"\\$schema\": \"https://json-schema.org/draft/2020-12/schema\".*\"status\": {.*\"oneOf\": \\[.*\"const\": \"deceased\",.*\"title\": \"死亡\""
    $<TARGET_FILE:fuzhu_cli> facts policies/yiyang.policy --format json-schema)
  find_package(Python3 COMPONENTS Interpreter)
  if(Python3_Interpreter_FOUND)
    add_test(NAME schema.json_schema_validates
             COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/schema/validate_json_schema.py
                     $<TARGET_FILE:fuzhu_cli> ${PROJECT_SOURCE_DIR})
    set_tests_properties(schema.json_schema_validates PROPERTIES SKIP_RETURN_CODE 77)
  endif()

  # Two policies that each add household.registered_since, with two types:
  # fine alone, an error naming both places when checked or compared together.
  fuzhu_expect_test(cli.check_one_added_fact 0 "" $<TARGET_FILE:fuzhu_cli> check tests/schema/registered_date.policy)
  fuzhu_expect_test(cli.check_two_policies_one_fact_two_types 1
    "registered_year.policy:12:3: error: fact 'household.registered_since' is int 1900..2100 here, but date at tests/schema/registered_date.policy:11:3.*\\[D015\\]"
    $<TARGET_FILE:fuzhu_cli> check tests/schema/registered_date.policy tests/schema/registered_year.policy)
  fuzhu_expect_test(cli.compare_two_policies_one_fact_two_types 1 "\\[D015\\]"
    $<TARGET_FILE:fuzhu_cli> compare examples/families/yiyang_bereaved.json tests/schema/registered_date.policy
    tests/schema/registered_year.policy)
  # A family file made for the policy that adds the field stays valid for one
  # that does not: a warning.
  fuzhu_expect_test(cli.added_field_is_a_warning_elsewhere 0
    "warning: household.registered_since: unknown field, ignored \\[X004\\]"
    $<TARGET_FILE:fuzhu_cli> eval policies/yiyang.policy tests/schema/registered_family.json --as-of 2026-01-01)
endif()
