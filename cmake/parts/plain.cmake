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
                     -DGOLDEN=tests/plain/${city}.zh.txt -P ${PROJECT_SOURCE_DIR}/tests/plain/compare.cmake
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  endforeach()
  add_test(NAME plain.yiyang.en
           COMMAND ${CMAKE_COMMAND} -DFUZHU=$<TARGET_FILE:fuzhu_cli> -DPOLICY=policies/yiyang.policy -DLANG=en
                   -DGOLDEN=tests/plain/yiyang.en.txt -P ${PROJECT_SOURCE_DIR}/tests/plain/compare.cmake
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()

if(TARGET fuzhu_cli)
  target_sources(fuzhu_cli PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/cmd_plain.cpp ${PROJECT_SOURCE_DIR}/src/cli/failure_rules.cpp)
endif()
