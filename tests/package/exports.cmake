# What a shared library exports (nm -D --defined-only, demangled): nothing
# but the API. LIBRARY is the file; API is "cxx" (libfuzhu: fuzhu:: and its
# typeinfo and vtables, nothing of fuzhu::detail, std::, PEGTL, nlohmann or
# fmt) or "c" (libfuzhu_c: fuzhu_* functions); REQUIRED, symbols that must
# be there (so that a library exporting nothing fails too).
execute_process(COMMAND nm -D --defined-only -C ${LIBRARY}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "nm -D ${LIBRARY} failed: ${err}")
endif()
string(REPLACE "\n" ";" lines "${out}")
if(API STREQUAL "cxx")
  set(allowed "^(typeinfo for |typeinfo name for |vtable for )?fuzhu::")
else()
  set(allowed "^fuzhu_[a-z0-9_]+$")
endif()
set(bad "")
set(count 0)
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  # "0000000000012340 T fuzhu::version()": the name is after the type letter.
  string(REGEX REPLACE "^[0-9a-f]* *[A-Za-z] " "" symbol "${line}")
  math(EXPR count "${count} + 1")
  if(NOT symbol MATCHES "${allowed}" OR symbol MATCHES "^fuzhu::detail::|tao::|nlohmann|fmt::")
    string(APPEND bad "  ${symbol}\n")
  endif()
endforeach()
if(NOT bad STREQUAL "")
  message(FATAL_ERROR "${LIBRARY} exports what is not its API:\n${bad}")
endif()
foreach(symbol IN LISTS REQUIRED)
  string(FIND "${out}" " ${symbol}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "${LIBRARY} does not export ${symbol}")
  endif()
endforeach()
message(STATUS "${LIBRARY}: ${count} symbols, all API")
