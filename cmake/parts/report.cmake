# The review report: `fuzhu report POLICY --document DOC.txt -o report.html`
# (docs/report.md). The clause segmentation and the page are a small library
# of their own, linked into the CLI and the tests.
if(NOT FUZHU_BUILD_CLI)
  return()
endif()

add_library(fuzhu_report STATIC
  ${PROJECT_SOURCE_DIR}/src/report/text.cpp
  ${PROJECT_SOURCE_DIR}/src/report/clauses.cpp
  ${PROJECT_SOURCE_DIR}/src/report/cites.cpp
  ${PROJECT_SOURCE_DIR}/src/report/quotes.cpp
  ${PROJECT_SOURCE_DIR}/src/report/pairing.cpp
  ${PROJECT_SOURCE_DIR}/src/report/numerals.cpp
  ${PROJECT_SOURCE_DIR}/src/report/figures.cpp
  ${PROJECT_SOURCE_DIR}/src/report/script_figures.cpp
  ${PROJECT_SOURCE_DIR}/src/report/figure_review.cpp
  ${PROJECT_SOURCE_DIR}/src/report/html.cpp
  ${PROJECT_SOURCE_DIR}/src/report/style.cpp
  ${PROJECT_SOURCE_DIR}/src/report/clause_view.cpp
  ${PROJECT_SOURCE_DIR}/src/report/benefit_view.cpp
  ${PROJECT_SOURCE_DIR}/src/report/definitions_view.cpp
  ${PROJECT_SOURCE_DIR}/src/report/page.cpp
  ${PROJECT_SOURCE_DIR}/src/report/sha256.cpp
  ${PROJECT_SOURCE_DIR}/src/report/stamp.cpp
  ${PROJECT_SOURCE_DIR}/src/report/since_diff.cpp
  ${PROJECT_SOURCE_DIR}/src/report/from_policy.cpp
)
target_include_directories(fuzhu_report PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
target_link_libraries(fuzhu_report PUBLIC fuzhu_internal fmt::fmt fuzhu_versions)
fuzhu_warnings(fuzhu_report)

target_sources(fuzhu_cli PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/cmd_report.cpp)
target_link_libraries(fuzhu_cli PRIVATE fuzhu_report)

if(TARGET unit_tests)
  find_package(doctest REQUIRED)  # its imported target is local to tests/
  include(doctest)
  # Segmentation of the five documents, cites, escaping, the page's content.
  add_executable(report_tests
    ${PROJECT_SOURCE_DIR}/tests/main.cpp
    ${PROJECT_SOURCE_DIR}/tests/report/test_clauses.cpp
    ${PROJECT_SOURCE_DIR}/tests/report/test_page.cpp
    ${PROJECT_SOURCE_DIR}/tests/report/test_figures.cpp
    ${PROJECT_SOURCE_DIR}/tests/report/test_review.cpp
  )
  target_include_directories(report_tests PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
  target_link_libraries(report_tests PRIVATE fuzhu_report doctest::doctest)
  target_compile_definitions(report_tests PRIVATE
    FUZHU_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    FUZHU_DOCUMENTS_DIR="${PROJECT_SOURCE_DIR}/../shared/documents")
  fuzhu_warnings(report_tests)
  doctest_discover_tests(report_tests TEST_PREFIX "report.")

  # What a reader sees and prints: the Yiyang and Foshan reports in headless
  # Chromium (content, links, stamp, A4 print, Chinese glyphs). Skipped (77)
  # only when chromium is not installed; missing Chinese fonts fail.
  add_test(NAME report.browser
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/report/browser_test.sh $<TARGET_FILE:fuzhu_cli>
                   ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/report_browser)
  set_tests_properties(report.browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()

if(TARGET unit_tests)
  # The command line: bad input gives a clear error and exit 1, never a crash.
  set(YIYANG_TXT ${PROJECT_SOURCE_DIR}/../shared/documents/yiyang.txt)
  function(fuzhu_report_test name exit regex)
    fuzhu_expect_test(report.cli.${name} ${exit} "${regex}" ${ARGN})
  endfunction()
  fuzhu_report_test(yiyang 0 "<html lang=\"zh-CN\">.*益政办发〔2017〕26号"
    $<TARGET_FILE:fuzhu_cli> report policies/yiyang.policy --document ${YIYANG_TXT})
  fuzhu_report_test(missing_document 1 "nowhere.txt: error: no such file"
    $<TARGET_FILE:fuzhu_cli> report policies/yiyang.policy --document nowhere.txt)
  fuzhu_report_test(not_utf8 1 "not_utf8.txt: error: the document is not UTF-8"
    $<TARGET_FILE:fuzhu_cli> report policies/yiyang.policy --document tests/report/not_utf8.txt)
  fuzhu_report_test(bad_cites 1
    "bad_cite.policy:20:3: warning: benefit consolation_payment cites 一（九）, but the document has no clause 一（九） \\[C001\\].*no clause 八.*bad_cite.policy:25:3: warning: benefit temporary_assistance cites \"第三条\" is not a clause reference"
    $<TARGET_FILE:fuzhu_cli> report tests/report/bad_cite.policy --document ${YIYANG_TXT}
    -o ${CMAKE_CURRENT_BINARY_DIR}/report_bad_cite.html)
  # --since: the one benefit changed by hand in tests/versions/yiyang_2027.policy.
  fuzhu_report_test(since 0 "<li data-since=\"changed\">已修改 changed：<a href=\"#benefit-special_allowance\">.*data-benefit=\"special_allowance\">.*data-since=\"changed\""
    $<TARGET_FILE:fuzhu_cli> report tests/versions/yiyang_2027.policy --document ${YIYANG_TXT} --since policies/yiyang.policy)
  fuzhu_report_test(since_missing 1 "nowhere.policy"
    $<TARGET_FILE:fuzhu_cli> report policies/yiyang.policy --document ${YIYANG_TXT} --since nowhere.policy)
  fuzhu_report_test(no_document 2 "--document is required"
    $<TARGET_FILE:fuzhu_cli> report policies/yiyang.policy)
endif()

if(TARGET unit_tests)
  # Citations read against the document (issue 10.5): the warnings are tested
  # as a file, tests/check/quotes_against_document.policy; here only that a
  # `not transcribed` naming no clause of the document fails the check.
  set(SONGJIANG_TXT ${PROJECT_SOURCE_DIR}/../shared/documents/songjiang.txt)
  fuzhu_expect_test(check.document_unknown_clause_fails 1 "the document has no clause 九 \\[C001\\]"
    $<TARGET_FILE:fuzhu_cli> check tests/check/quotes_against_document.policy --document ${SONGJIANG_TXT})
  # The five policies against their documents: every cite resolves, every
  # quote is word for word, every clause is accounted for: no warning at all.
  foreach(city yiyang zhangdian songjiang ankang foshan)
    fuzhu_expect_test(check.document_${city} 0 "^$"
      $<TARGET_FILE:fuzhu_cli> check policies/${city}.policy --document ${PROJECT_SOURCE_DIR}/../shared/documents/${city}.txt)
  endforeach()
  fuzhu_expect_test(check.document_two_policies 2 "give one policy"
    $<TARGET_FILE:fuzhu_cli> check policies/yiyang.policy policies/ankang.policy --document ${YIYANG_TXT})
endif()
