"""fuzhu (扶助): welfare-policy scripts, from Python.

    import fuzhu
    policy = fuzhu.Policy.compile("policies/yiyang.policy")
    family = {"child": {"status": "deceased", "event_date": "2020-07-15"}, ...}
    result = policy.evaluate(family, as_of="2026-11-23")
    print(result["totals"]["monthly"]["cash"])  # Decimal('980'): yuan, exact

Built on the C ABI (libfuzhu_c, include/fuzhu/fuzhu.h) through the standard
library's ctypes: nothing to compile on the Python side, any CPython 3.8+.

Money: ``evaluate`` returns the JSON of ``fuzhu eval --format json`` with
every amount a decimal.Decimal in yuan; ``decide`` and ``simulate`` (the
fast paths) give integer fen, as the C and C++ deciders do. Never a float.

Threads: a Policy is immutable and may be shared by any number of threads
(ctypes releases the GIL while the library works); a Decider belongs to one
thread. Errors raise FuzhuError subclasses carrying the diagnostics and
their stable codes (docs/diagnostics.md).
"""

from ._native import lib as _lib
from .errors import (
    ArgumentError,
    CompileError,
    Diagnostic,
    EvaluationError,
    FactsError,
    FuzhuError,
    InternalError,
)
from .policy import Benefit, Decider, Decision, Granted, PayerShare, Policy, Undetermined
from .simulation import BenefitTotals, PeriodTotals, Rejected, Simulation, UndeterminedTotals, yuan


def library_version() -> str:
    """The version of the libfuzhu_c loaded, "MAJOR.MINOR.PATCH"."""
    return _lib().fuzhu_version().decode("ascii")


__all__ = [
    "ArgumentError",
    "Benefit",
    "BenefitTotals",
    "CompileError",
    "Decider",
    "Decision",
    "Diagnostic",
    "EvaluationError",
    "FactsError",
    "FuzhuError",
    "Granted",
    "InternalError",
    "PayerShare",
    "PeriodTotals",
    "Policy",
    "Rejected",
    "Simulation",
    "Undetermined",
    "UndeterminedTotals",
    "library_version",
    "yuan",
]
