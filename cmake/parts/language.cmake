# The language's own tables and calculations: the builtin functions
# (grammar/builtins.def), read by the checker, the compiler and the evaluator.
target_sources(fuzhu_objects PRIVATE
  ${PROJECT_SOURCE_DIR}/src/syntax/builtins.cpp
  ${PROJECT_SOURCE_DIR}/src/eval/period.cpp)

if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit/test_builtins.cpp
                                    ${PROJECT_SOURCE_DIR}/tests/unit/test_periods.cpp)
  target_link_libraries(unit_tests PRIVATE fuzhu_format)
endif()
