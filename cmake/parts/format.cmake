# fuzhu fmt: the canonical layout of policy files and the keyword-set
# conversion (docs/formatting.md). The formatter reads the library's private
# grammar and parser, so it is a library of its own beside `fuzhu`, built
# with the CLI.
if(NOT FUZHU_BUILD_CLI)
  return()
endif()

add_library(fuzhu_format STATIC
  ${PROJECT_SOURCE_DIR}/src/format/keywords.cpp
  ${PROJECT_SOURCE_DIR}/src/format/lexer.cpp
  ${PROJECT_SOURCE_DIR}/src/format/structure.cpp
  ${PROJECT_SOURCE_DIR}/src/format/printer.cpp
  ${PROJECT_SOURCE_DIR}/src/format/format.cpp
)
target_include_directories(fuzhu_format PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
target_link_libraries(fuzhu_format PUBLIC fuzhu_internal PRIVATE taocpp::pegtl)
fuzhu_warnings(fuzhu_format)

target_sources(fuzhu_cli PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/cmd_fmt.cpp)
target_link_libraries(fuzhu_cli PRIVATE fuzhu_format)

if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit/test_format.cpp)
  target_link_libraries(unit_tests PRIVATE fuzhu_format)

  # The CLI end to end: --check fails on a file that is not formatted, passes
  # on the repository's policies, and never touches the files.
  function(fuzhu_fmt_cli_test name exit regex)
    fuzhu_expect_test(cli.fmt.${name} ${exit} "${regex}" ${ARGN})
  endfunction()
  # A valid policy in no particular layout, written here rather than kept in
  # the tree, where `fuzhu fmt` would tidy it.
  set(FUZHU_FMT_UNFORMATTED ${CMAKE_BINARY_DIR}/fmt/unformatted.policy)
  file(WRITE ${FUZHU_FMT_UNFORMATTED}
    "policy \"格式\" {   document \"格式〔2026〕1号\"\n"
    "in force from 2026-01-01 jurisdiction \"益阳市\" }\n"
    "benefit x \"测试\" { when 1 元 >= 2 元 # 备注\n yearly 490元 }\n")
  file(GLOB FUZHU_FMT_POLICIES ${PROJECT_SOURCE_DIR}/policies/*.policy)
  fuzhu_fmt_cli_test(check_policies 0 ""
    $<TARGET_FILE:fuzhu_cli> fmt --check ${FUZHU_FMT_POLICIES} ${PROJECT_SOURCE_DIR}/policies/facts.schema)
  fuzhu_fmt_cli_test(check_unformatted 1 "unformatted.policy.*1 of 1 files are not formatted"
    $<TARGET_FILE:fuzhu_cli> fmt --check ${FUZHU_FMT_UNFORMATTED})
  fuzhu_fmt_cli_test(stdout 0 "policy \"格式\" {\n  document \"格式〔2026〕1号\""
    $<TARGET_FILE:fuzhu_cli> fmt --stdout ${FUZHU_FMT_UNFORMATTED})
  fuzhu_fmt_cli_test(syntax_error 1 "unclosed.policy:[0-9]+:[0-9]+: error: expected '}'"
    $<TARGET_FILE:fuzhu_cli> fmt --check tests/bad/unclosed.policy)
  fuzhu_fmt_cli_test(bad_keywords 2 "" $<TARGET_FILE:fuzhu_cli> fmt --keywords fr ${FUZHU_FMT_UNFORMATTED})
endif()
