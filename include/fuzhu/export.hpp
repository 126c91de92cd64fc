// fuzhu — FUZHU_API marks what libfuzhu exports. The library is compiled
// with hidden visibility, so nothing else (the internals, PEGTL, nlohmann,
// fuzhu::detail) is seen from outside a shared libfuzhu.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define FUZHU_API __attribute__((visibility("default")))
#else
#define FUZHU_API
#endif
