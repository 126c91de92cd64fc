"""Diagnostics and the exceptions that carry them.

Every problem with a policy or a family's facts is a Diagnostic with a
stable ``code`` (docs/diagnostics.md): match on the code, not the words.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import List, Optional, Tuple

from . import _native


@dataclass(frozen=True)
class Diagnostic:
    """One message about a policy or a family's facts."""

    severity: str  #: "error", "warning" or "note"
    code: str  #: stable, e.g. "X003" (docs/diagnostics.md)
    kind: str  #: "syntax", "file", "schema", "policy", "name", "type", "limit", "facts", "evaluation", "usage"
    file: str  #: the policy file, or "" (facts given as text)
    line: int  #: 1-based; 0 when about a whole file or about facts
    column: int  #: 1-based, in characters; 0 as line
    path: str  #: facts: the JSON path of the fact, e.g. "child.status"
    message: str  #: plain words that lead to the fix
    rendered: str  #: "file:line:col: error: message [CODE]", the source line and a caret

    def __str__(self) -> str:
        return self.rendered


class FuzhuError(Exception):
    """Base of every fuzhu error. ``diagnostics`` say what and where."""

    def __init__(self, message: str, diagnostics: Tuple[Diagnostic, ...] = ()) -> None:
        super().__init__(message)
        self.diagnostics: Tuple[Diagnostic, ...] = tuple(diagnostics)

    @property
    def codes(self) -> List[str]:
        """The codes of the errors (not the warnings), in order."""
        return [d.code for d in self.diagnostics if d.severity == "error"]


class CompileError(FuzhuError):
    """The policy has errors (syntax, names, types, a missing file)."""


class FactsError(FuzhuError, ValueError):
    """The family's facts are not valid for the policy's facts schema."""


class EvaluationError(FuzhuError):
    """The facts are impossible on that date, or an amount cannot be computed."""


class ArgumentError(FuzhuError, ValueError):
    """fuzhu was called wrongly: a date that is not a day, a closed object."""


class InternalError(FuzhuError):
    """A bug in fuzhu. Please report it with the message."""


_STATUS_ERRORS = {
    _native.ERROR_COMPILE: CompileError,
    _native.ERROR_FACTS: FactsError,
    _native.ERROR_EVALUATION: EvaluationError,
    _native.ERROR_ARGUMENT: ArgumentError,
    _native.ERROR_INTERNAL: InternalError,
}


def read_diagnostics(handle: Optional[int]) -> Tuple[Diagnostic, ...]:
    """The diagnostics behind a fuzhu_diagnostics handle (not freed here)."""
    if not handle:
        return ()
    lib = _native.lib()
    out = []
    for i in range(lib.fuzhu_diagnostics_count(handle)):
        d = lib.fuzhu_diagnostics_at(handle, i).contents
        t = _native.text
        out.append(
            Diagnostic(t(d.severity), t(d.code), t(d.kind), t(d.file), d.line, d.column, t(d.path), t(d.message), t(d.rendered))
        )
    return tuple(out)


def take_diagnostics(handle: ctypes.c_void_p) -> Tuple[Diagnostic, ...]:
    """Reads then frees a fuzhu_diagnostics the library handed out."""
    try:
        return read_diagnostics(handle.value)
    finally:
        _native.lib().fuzhu_diagnostics_free(handle)


def raise_for(status: int, diagnostics: Tuple[Diagnostic, ...] = ()) -> None:
    """Raises the exception of a failed status, with the thread's last error."""
    if status == _native.OK:
        return
    message = _native.text(_native.lib().fuzhu_last_error())
    if status == _native.ERROR_MEMORY:
        raise MemoryError(message)
    raise _STATUS_ERRORS.get(status, InternalError)(message, diagnostics)
