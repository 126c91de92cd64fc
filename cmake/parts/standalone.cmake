# A compiled policy stands alone (issue 14.1): its tests evaluate, explain,
# report and diff a policy whose texts and files are gone.
if(TARGET unit_tests AND TARGET fuzhu_report)
  target_sources(unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit/test_standalone.cpp)
  target_link_libraries(unit_tests PRIVATE fuzhu_report)
endif()
