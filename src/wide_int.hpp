// A 128-bit integer for sums of money that may pass int64 before they are
// checked (payer shares: amount × percentage). GCC and Clang have it; the
// typedef keeps -Wpedantic quiet about the extension.
#pragma once

namespace fuzhu {

__extension__ typedef __int128 wide_int;
__extension__ typedef unsigned __int128 wide_uint;

}  // namespace fuzhu
