// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits: the
// review page's stamp names the exact files a reviewer signed off. Written
// out here because nothing the project links provides it (no OpenSSL).
#pragma once

#include <string>
#include <string_view>

namespace fuzhu::report {

std::string sha256_hex(std::string_view bytes);

}  // namespace fuzhu::report
