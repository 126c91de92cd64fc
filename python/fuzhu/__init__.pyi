# Type stubs of the public API of the fuzhu package (python/fuzhu).
# tests/python/test_stubs.py checks that they name what the package exports,
# with the same parameters.
import datetime
import os
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

Family = Union[Mapping[str, Any], str, bytes]
AsOf = Union[str, datetime.date, None]
PathLike = Union[str, os.PathLike[str]]

class Diagnostic:
    severity: str
    code: str
    kind: str
    file: str
    line: int
    column: int
    path: str
    message: str
    rendered: str
    def __init__(self, severity: str, code: str, kind: str, file: str, line: int, column: int, path: str,
                 message: str, rendered: str) -> None: ...

class FuzhuError(Exception):
    diagnostics: Tuple[Diagnostic, ...]
    def __init__(self, message: str, diagnostics: Tuple[Diagnostic, ...] = ...) -> None: ...
    @property
    def codes(self) -> List[str]: ...

class CompileError(FuzhuError): ...
class FactsError(FuzhuError, ValueError): ...
class EvaluationError(FuzhuError): ...
class ArgumentError(FuzhuError, ValueError): ...
class InternalError(FuzhuError): ...

class Benefit:
    index: int
    id: str
    title: str
    period: Optional[str]
    kind: str
    payers: Tuple[str, ...]
    def __init__(self, index: int, id: str, title: str, period: Optional[str], kind: str,
                 payers: Tuple[str, ...]) -> None: ...

class PayerShare:
    payer: str
    fen: Optional[int]
    def __init__(self, payer: str, fen: Optional[int]) -> None: ...

class Granted:
    benefit: str
    recipient: str
    period: Optional[str]
    kind: str
    fen: Optional[int]
    payers: Tuple[PayerShare, ...]
    split_needs: Tuple[str, ...]
    def __init__(self, benefit: str, recipient: str, period: Optional[str], kind: str, fen: Optional[int],
                 payers: Tuple[PayerShare, ...], split_needs: Tuple[str, ...] = ...) -> None: ...

class Undetermined:
    benefit: str
    recipient: str
    needs: Tuple[str, ...]
    reason: str
    def __init__(self, benefit: str, recipient: str, needs: Tuple[str, ...], reason: str) -> None: ...

class Decision:
    in_force: bool
    in_jurisdiction: Optional[bool]
    granted: Tuple[Granted, ...]
    undetermined: Tuple[Undetermined, ...]
    not_granted: Tuple[str, ...]
    def __init__(self, in_force: bool, in_jurisdiction: Optional[bool], granted: Tuple[Granted, ...],
                 undetermined: Tuple[Undetermined, ...], not_granted: Tuple[str, ...]) -> None: ...
    def fen(self, period: str, kind: Optional[str] = ...) -> int: ...

class PeriodTotals:
    monthly: int
    yearly: int
    once: int
    def __init__(self, monthly: int = ..., yearly: int = ..., once: int = ...) -> None: ...
    def add(self, other: PeriodTotals) -> None: ...
    def as_yuan(self) -> Dict[str, str]: ...

class BenefitTotals:
    title: str
    kind: str
    families: int
    recipients: int
    payers_undetermined: int
    fen: PeriodTotals
    def __init__(self, title: str, kind: str = ..., families: int = ..., recipients: int = ...,
                 payers_undetermined: int = ..., fen: PeriodTotals = ...) -> None: ...

class UndeterminedTotals:
    title: str
    families: int
    needs: Dict[str, int]
    def __init__(self, title: str, families: int = ..., needs: Dict[str, int] = ...) -> None: ...

class Rejected:
    source: str
    line: int
    reason: str
    code: str
    path: str
    def __init__(self, source: str, line: int, reason: str, code: str = ..., path: str = ...) -> None: ...

class Simulation:
    benefit_order: Tuple[str, ...]
    payer_order: Tuple[str, ...]
    families_evaluated: int
    families_granted: int
    families_with_undetermined: int
    rejected_lines: int
    totals: Dict[str, PeriodTotals]
    benefits: Dict[str, BenefitTotals]
    payers: Dict[str, Dict[str, PeriodTotals]]
    undetermined: Dict[str, UndeterminedTotals]
    rejected: List[Rejected]
    def __init__(self, benefit_order: Tuple[str, ...] = ..., payer_order: Tuple[str, ...] = ...,
                 families_evaluated: int = ..., families_granted: int = ..., families_with_undetermined: int = ...,
                 rejected_lines: int = ..., totals: Dict[str, PeriodTotals] = ...,
                 benefits: Dict[str, BenefitTotals] = ..., payers: Dict[str, Dict[str, PeriodTotals]] = ...,
                 undetermined: Dict[str, UndeterminedTotals] = ...,
                 rejected: List[Rejected] = ...) -> None: ...
    @property
    def families_read(self) -> int: ...
    def year_cost(self, kind: str = ...) -> int: ...
    def merge(self, other: Simulation) -> Simulation: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Policy:
    warnings: Tuple[Diagnostic, ...]
    benefits: Tuple[Benefit, ...]
    facts: Tuple[str, ...]
    def __init__(self, handle: int, warnings: Tuple[Diagnostic, ...]) -> None: ...
    @classmethod
    def compile(cls, path: Optional[PathLike] = ..., *, text: Optional[str] = ..., name: str = ...,
                include_dirs: Sequence[PathLike] = ..., policies_dir: Optional[PathLike] = ...) -> Policy: ...
    @classmethod
    def compile_string(cls, text: str, *, name: str = ..., include_dirs: Sequence[PathLike] = ...,
                       policies_dir: Optional[PathLike] = ...) -> Policy: ...
    def info(self, field: str) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def document(self) -> str: ...
    def recipient_name(self, recipient: int) -> str: ...
    def facts_schema(self) -> Dict[str, Any]: ...
    def evaluate(self, family: Family, as_of: AsOf = ..., *, explain: bool = ...,
                 assume_in_jurisdiction: bool = ..., lang: str = ...) -> Dict[str, Any]: ...
    def evaluate_json(self, family: Family, as_of: AsOf = ..., *, explain: bool = ...,
                      assume_in_jurisdiction: bool = ..., lang: str = ...) -> str: ...
    def decider(self, *, assume_in_jurisdiction: bool = ...) -> Decider: ...
    def decide(self, family: Family, as_of: AsOf = ...) -> Decision: ...
    def simulate(self, families: Iterable[Family], as_of: AsOf = ..., *, assume_in_jurisdiction: bool = ...,
                 source: str = ...) -> Simulation: ...

class Decider:
    policy: Policy
    def __init__(self, policy: Policy, *, assume_in_jurisdiction: bool = ...) -> None: ...
    def decide_raw(self, data: bytes, as_of: Optional[bytes]) -> Any: ...
    def decide(self, family: Family, as_of: AsOf = ...) -> Decision: ...

def yuan(fen: int) -> Decimal: ...
def library_version() -> str: ...
