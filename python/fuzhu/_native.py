"""The C ABI of libfuzhu_c (include/fuzhu/fuzhu.h) through ctypes.

Private: the rest of the package wraps it. The library is found, in order,
at $FUZHU_LIBRARY, beside this package (libfuzhu_c.so*), then where the
dynamic linker looks (ctypes.util.find_library("fuzhu_c")).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import struct
from typing import Optional

c_char_p = ctypes.c_char_p
c_int32 = ctypes.c_int32
c_int64 = ctypes.c_int64
c_uint32 = ctypes.c_uint32
c_size_t = ctypes.c_size_t
c_int = ctypes.c_int
c_void_p = ctypes.c_void_p

# fuzhu_status
OK = 0
ERROR_COMPILE = 1
ERROR_FACTS = 2
ERROR_EVALUATION = 3
ERROR_ARGUMENT = 4
ERROR_MEMORY = 5
ERROR_INTERNAL = 6

# fuzhu_period
PERIOD_NONE = -1
PERIOD_INVALID = -2

# fuzhu_amount_kind, by value
KINDS = ("cash", "in_kind", "minimum", "discretionary")


class Diagnostic(ctypes.Structure):
    _fields_ = [
        ("severity", c_char_p),
        ("code", c_char_p),
        ("kind", c_char_p),
        ("file", c_char_p),
        ("line", c_int32),
        ("column", c_int32),
        ("path", c_char_p),
        ("message", c_char_p),
        ("rendered", c_char_p),
    ]


class CompileOptions(ctypes.Structure):
    _fields_ = [
        ("include_dirs", ctypes.POINTER(c_char_p)),
        ("include_dir_count", c_size_t),
        ("policies_dir", c_char_p),
    ]


class EvalOptions(ctypes.Structure):
    _fields_ = [("explain", c_int), ("assume_in_jurisdiction", c_int), ("lang", c_char_p)]


class Decisions(ctypes.Structure):
    _fields_ = [
        ("in_force", c_int32),
        ("in_jurisdiction", c_int32),
        ("granted", c_void_p),
        ("granted_count", c_size_t),
        ("payers", c_void_p),
        ("payer_count", c_size_t),
        ("undetermined", c_void_p),
        ("undetermined_count", c_size_t),
        ("needs", c_void_p),
        ("need_count", c_size_t),
        ("not_granted", c_void_p),
        ("not_granted_count", c_size_t),
    ]


class GrantedRow(ctypes.Structure):
    _fields_ = [
        ("benefit", c_int32),
        ("recipient", c_int32),
        ("has_amount", c_int32),
        ("split_undetermined", c_int32),
        ("fen", c_int64),
        ("first_payer", c_uint32),
        ("payer_count", c_uint32),
        ("first_split_need", c_uint32),
        ("split_need_count", c_uint32),
    ]


class PayerShareRow(ctypes.Structure):
    _fields_ = [("payer", c_int32), ("has_amount", c_int32), ("fen", c_int64)]


class UndeterminedRow(ctypes.Structure):
    _fields_ = [
        ("benefit", c_int32),
        ("recipient", c_int32),
        ("first_need", c_uint32),
        ("need_count", c_uint32),
        ("reason", c_void_p),
    ]


# The same rows read in bulk with struct (much faster than a ctypes object a
# row). Native sizes and alignment ("@"), as the C compiler lays them out; the
# ctypes structures above (which follow the C rules) must agree, or the
# package refuses to load rather than misread a row.
GRANTED = struct.Struct("@iiiiqIIII")
PAYER_SHARE = struct.Struct("@iiq")  # payer, has_amount, fen
UNDETERMINED = struct.Struct("@iiIIP")  # benefit, recipient, first_need, need_count, reason
for _row, _layout in ((GrantedRow, GRANTED), (PayerShareRow, PAYER_SHARE), (UndeterminedRow, UNDETERMINED)):
    if ctypes.sizeof(_row) != _layout.size:
        raise ImportError(f"fuzhu: {_row.__name__} is {ctypes.sizeof(_row)} bytes in C, {_layout.size} as read")
INT32 = struct.Struct("@i")


def _find_library() -> str:
    explicit = os.environ.get("FUZHU_LIBRARY")
    if explicit:
        return explicit
    here = os.path.dirname(os.path.abspath(__file__))
    beside = sorted(glob.glob(os.path.join(here, "libfuzhu_c.so*")))
    if beside:
        return beside[0]
    found = ctypes.util.find_library("fuzhu_c")
    if found:
        return found
    raise OSError(
        "fuzhu: cannot find libfuzhu_c (the C ABI library). Build it "
        "(cmake --build build --target fuzhu_c) and set FUZHU_LIBRARY to its path, "
        "e.g. FUZHU_LIBRARY=build/libfuzhu_c.so, or install it where the linker looks."
    )


def _declare(lib: ctypes.CDLL) -> None:
    P = ctypes.POINTER
    sigs = {
        "fuzhu_status_name": (c_char_p, [c_int]),
        "fuzhu_last_error": (c_char_p, []),
        "fuzhu_version": (c_char_p, []),
        "fuzhu_free": (None, [c_void_p]),
        "fuzhu_diagnostics_count": (c_size_t, [c_void_p]),
        "fuzhu_diagnostics_at": (P(Diagnostic), [c_void_p, c_size_t]),
        "fuzhu_diagnostics_has_errors": (c_int, [c_void_p]),
        "fuzhu_diagnostics_render": (c_char_p, [c_void_p]),
        "fuzhu_diagnostics_free": (None, [c_void_p]),
        "fuzhu_policy_compile_file": (c_int, [c_char_p, P(CompileOptions), P(c_void_p), P(c_void_p)]),
        "fuzhu_policy_compile_string": (
            c_int,
            [c_char_p, c_size_t, c_char_p, P(CompileOptions), P(c_void_p), P(c_void_p)],
        ),
        "fuzhu_policy_free": (None, [c_void_p]),
        "fuzhu_policy_info": (c_char_p, [c_void_p, c_char_p]),
        "fuzhu_policy_benefit_count": (c_int32, [c_void_p]),
        "fuzhu_policy_benefit_id": (c_char_p, [c_void_p, c_int32]),
        "fuzhu_policy_benefit_title": (c_char_p, [c_void_p, c_int32]),
        "fuzhu_policy_benefit_period": (c_int, [c_void_p, c_int32]),
        "fuzhu_policy_benefit_kind": (c_int, [c_void_p, c_int32]),
        "fuzhu_policy_recipient_name": (c_char_p, [c_void_p, c_int32]),
        "fuzhu_policy_payer_count": (c_int32, [c_void_p, c_int32]),
        "fuzhu_policy_payer_name": (c_char_p, [c_void_p, c_int32, c_int32]),
        "fuzhu_policy_fact_count": (c_int32, [c_void_p]),
        "fuzhu_policy_fact_path": (c_char_p, [c_void_p, c_int32]),
        "fuzhu_policy_facts_schema": (c_int, [c_void_p, P(c_void_p), P(c_size_t)]),
        "fuzhu_evaluate_json": (
            c_int,
            [c_void_p, c_char_p, c_size_t, c_char_p, P(EvalOptions), P(c_void_p), P(c_size_t), P(c_void_p)],
        ),
        "fuzhu_decider_new": (c_int, [c_void_p, P(EvalOptions), P(c_void_p)]),
        "fuzhu_decider_free": (None, [c_void_p]),
        "fuzhu_decide_json": (c_int, [c_void_p, c_char_p, c_size_t, c_char_p, P(P(Decisions))]),
        "fuzhu_decider_diagnostics": (c_void_p, [c_void_p]),
    }
    for name, (restype, argtypes) in sigs.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes


_lib: Optional[ctypes.CDLL] = None


def lib() -> ctypes.CDLL:
    """The loaded library, loaded on first use."""
    global _lib
    if _lib is None:
        loaded = ctypes.CDLL(_find_library())
        _declare(loaded)
        _lib = loaded
    return _lib


def text(value: Optional[bytes]) -> str:
    return "" if value is None else value.decode("utf-8")


def take_string(pointer: c_void_p, length: Optional[int] = None) -> str:
    """A string the library handed out (char**), decoded, then freed."""
    if not pointer:
        return ""
    try:
        if length is None:
            raw = ctypes.string_at(pointer)
        else:
            raw = ctypes.string_at(pointer, length)
        return raw.decode("utf-8")
    finally:
        lib().fuzhu_free(pointer)
