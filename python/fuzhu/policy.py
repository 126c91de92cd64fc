"""A compiled policy, evaluated or decided for families."""

from __future__ import annotations

import ctypes
import datetime
import json
import os
import threading
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _native
from ._json import Family, as_of_bytes, family_bytes
from .errors import Diagnostic, raise_for, read_diagnostics, take_diagnostics

AsOf = Union[str, datetime.date, None]
PathLike = Union[str, "os.PathLike[str]"]

PERIODS = ("monthly", "yearly", "once")


@dataclass(frozen=True)
class Benefit:
    """One benefit of the policy, in its source order."""

    index: int  #: as decisions give it
    id: str  #: the catalog id, "special_allowance"
    title: str  #: "特别扶助金"
    period: Optional[str]  #: "monthly", "yearly", "once"; None for a service
    kind: str  #: "cash", "in_kind" (实物), "minimum" (不低于), "discretionary" (有条件的地方可)
    payers: Tuple[str, ...]  #: the payers it names, by payer index


@dataclass(frozen=True)
class PayerShare:
    """A payer of a granted benefit, and its share where the policy sets one."""

    payer: str
    fen: Optional[int]  #: in fen (1/100 yuan); None when the policy names no share


@dataclass(frozen=True)
class Granted:
    """A benefit granted to one recipient."""

    benefit: str  #: catalog id
    recipient: str  #: "household", "mother", "father", "child"
    period: Optional[str]  #: "monthly", "yearly", "once"; None for a service
    kind: str  #: the benefit's kind of amount: "cash", "in_kind", "minimum", "discretionary"
    fen: Optional[int]  #: the amount in fen; None for a service or a document without a figure
    payers: Tuple[PayerShare, ...]  #: the shares add up to the amount
    split_needs: Tuple[str, ...] = ()  #: who pays depends on these facts (then no payers are listed)


@dataclass(frozen=True)
class Undetermined:
    """A benefit that cannot be decided for one recipient from the facts given."""

    benefit: str
    recipient: str
    needs: Tuple[str, ...]  #: fact paths that would decide it
    reason: str  #: set when a missing fact is not the reason


@dataclass(frozen=True)
class Decision:
    """What Decider.decide found for one family. Money in integer fen."""

    in_force: bool
    in_jurisdiction: Optional[bool]  #: None when household.region is not given
    granted: Tuple[Granted, ...]
    undetermined: Tuple[Undetermined, ...]
    not_granted: Tuple[str, ...]  #: benefits granted to no one

    def fen(self, period: str, kind: Optional[str] = None) -> int:
        """The sum of the granted amounts of one period ("monthly", "yearly",
        "once"), in fen; of one kind ("cash", …) or, with None, of all."""
        return sum(g.fen or 0 for g in self.granted if g.period == period and (kind is None or g.kind == kind))


def _options(include_dirs: Sequence[PathLike], policies_dir: Optional[PathLike]) -> Any:
    dirs = [os.fsencode(d) for d in include_dirs]
    array = (ctypes.c_char_p * max(1, len(dirs)))(*dirs)
    options = _native.CompileOptions(array, len(dirs), None if policies_dir is None else os.fsencode(policies_dir))
    options._keep = array  # the array must outlive the call
    return options


class Policy:
    """A compiled policy. Immutable: share one Policy between threads freely.

    Compile with :meth:`compile` (a file) or :meth:`compile_string` (text);
    both raise :class:`~fuzhu.CompileError` carrying the diagnostics.
    """

    def __init__(self, handle: int, warnings: Tuple[Diagnostic, ...]) -> None:
        """Not for direct use: see compile() and compile_string()."""
        self._handle = ctypes.c_void_p(handle)
        self.warnings: Tuple[Diagnostic, ...] = warnings  #: the compiler's warnings
        self._local = threading.local()
        lib = _native.lib()
        h = self._handle
        self.benefits: Tuple[Benefit, ...] = tuple(
            Benefit(
                b,
                _native.text(lib.fuzhu_policy_benefit_id(h, b)),
                _native.text(lib.fuzhu_policy_benefit_title(h, b)),
                _period_name(lib.fuzhu_policy_benefit_period(h, b)),
                _native.KINDS[lib.fuzhu_policy_benefit_kind(h, b)],
                tuple(_native.text(lib.fuzhu_policy_payer_name(h, b, p)) for p in range(lib.fuzhu_policy_payer_count(h, b))),
            )
            for b in range(lib.fuzhu_policy_benefit_count(h))
        )
        #: Every fact a family may give, by index: "mother.birth_date".
        self.facts: Tuple[str, ...] = tuple(
            _native.text(lib.fuzhu_policy_fact_path(h, f)) for f in range(lib.fuzhu_policy_fact_count(h))
        )
        self._recipients: Dict[int, str] = {-1: "household"}
        for r in range(len(self.facts)):  # roots are fewer than facts
            name = lib.fuzhu_policy_recipient_name(h, r)
            if name is not None:
                self._recipients[r] = _native.text(name)

    # ------------------------------------------------------------ compiling
    @classmethod
    def compile(
        cls,
        path: Optional[PathLike] = None,
        *,
        text: Optional[str] = None,
        name: str = "policy",
        include_dirs: Sequence[PathLike] = (),
        policies_dir: Optional[PathLike] = None,
    ) -> "Policy":
        """Compiles a .policy file and the files it uses, or, given
        ``text=``, a policy held as text (then as compile_string()).

        ``use "…"`` is searched next to the file, then in ``include_dirs``,
        then in ``policies_dir`` (default: where fuzhu installed its
        policies; "" for none). Raises CompileError with the diagnostics.
        A path and text are separate arguments, never guessed from a str.
        """
        if (path is None) == (text is None):
            raise TypeError("Policy.compile takes a path or text=..., one of the two")
        if text is not None:
            return cls.compile_string(text, name=name, include_dirs=include_dirs, policies_dir=policies_dir)
        lib = _native.lib()
        policy = ctypes.c_void_p()
        diagnostics = ctypes.c_void_p()
        options = _options(include_dirs, policies_dir)
        status = lib.fuzhu_policy_compile_file(os.fsencode(path), ctypes.byref(options), ctypes.byref(policy), ctypes.byref(diagnostics))
        return cls._compiled(status, policy, diagnostics)

    @classmethod
    def compile_string(
        cls,
        text: str,
        *,
        name: str = "policy",
        include_dirs: Sequence[PathLike] = (),
        policies_dir: Optional[PathLike] = None,
    ) -> "Policy":
        """Compiles a policy given as text; ``name`` names it in diagnostics.

        ``use "facts.schema"`` finds the installed schema unless
        ``policies_dir`` says otherwise. Raises CompileError.
        """
        lib = _native.lib()
        data = text.encode("utf-8")
        policy = ctypes.c_void_p()
        diagnostics = ctypes.c_void_p()
        options = _options(include_dirs, policies_dir)
        status = lib.fuzhu_policy_compile_string(
            data, len(data), name.encode("utf-8"), ctypes.byref(options), ctypes.byref(policy), ctypes.byref(diagnostics)
        )
        return cls._compiled(status, policy, diagnostics)

    @classmethod
    def _compiled(cls, status: int, policy: ctypes.c_void_p, diagnostics: ctypes.c_void_p) -> "Policy":
        said = take_diagnostics(diagnostics)
        raise_for(status, said)
        return cls(policy.value or 0, said)

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle and handle.value and _native._lib is not None:
            _native._lib.fuzhu_policy_free(handle)
            handle.value = None

    # ------------------------------------------------------------ about it
    def info(self, field: str) -> str:
        """A header field: "title", "document", "issuer", "jurisdiction",
        "status", "file"; "issued", "in_force_from", "in_force_to" (the last
        day in force) as "YYYY-MM-DD" or ""; "in_force_period" ("5 年" or "");
        "fingerprint" (the facts schema's identity). KeyError for others."""
        value = _native.lib().fuzhu_policy_info(self._handle, field.encode("ascii"))
        if value is None:
            raise KeyError(field)
        return _native.text(value)

    @property
    def title(self) -> str:
        return self.info("title")

    @property
    def document(self) -> str:
        return self.info("document")

    def recipient_name(self, recipient: int) -> str:
        """"household" for -1, else "mother", "father", "child"."""
        return self._recipients[recipient]

    def facts_schema(self) -> Dict[str, Any]:
        """The facts a family may give, as a JSON Schema (draft 2020-12):
        each fact's type, allowed values, Chinese label (title), index
        (x-fuzhu-fact) and whether the policy reads it (x-fuzhu-read)."""
        lib = _native.lib()
        out = ctypes.c_void_p()
        length = ctypes.c_size_t()
        raise_for(lib.fuzhu_policy_facts_schema(self._handle, ctypes.byref(out), ctypes.byref(length)))
        return json.loads(_native.take_string(out, length.value))

    # ------------------------------------------------------------ evaluating
    def evaluate(
        self,
        family: Family,
        as_of: AsOf = None,
        *,
        explain: bool = False,
        assume_in_jurisdiction: bool = False,
        lang: str = "zh",
    ) -> Dict[str, Any]:
        """What the family is entitled to on ``as_of`` (default: today).

        ``family`` is a dict or JSON text. Returns the object of
        ``fuzhu eval --format json`` as plain Python data; every amount is a
        decimal.Decimal in yuan (exact). ``explain=True`` adds
        "explanations", their plain rules in ``lang`` ("zh" or "en").
        Raises FactsError, EvaluationError or ArgumentError.
        """
        return json.loads(
            self.evaluate_json(family, as_of, explain=explain, assume_in_jurisdiction=assume_in_jurisdiction, lang=lang),
            parse_float=Decimal,
            parse_int=Decimal,
        )

    def evaluate_json(
        self,
        family: Family,
        as_of: AsOf = None,
        *,
        explain: bool = False,
        assume_in_jurisdiction: bool = False,
        lang: str = "zh",
    ) -> str:
        """As evaluate(), the JSON text itself: the bytes ``fuzhu eval --format json`` prints."""
        lib = _native.lib()
        data = family_bytes(family)
        result = ctypes.c_void_p()
        length = ctypes.c_size_t()
        diagnostics = ctypes.c_void_p()
        options = _native.EvalOptions(int(explain), int(assume_in_jurisdiction), lang.encode("ascii", "replace"))
        status = lib.fuzhu_evaluate_json(
            self._handle, data, len(data), as_of_bytes(as_of), ctypes.byref(options),
            ctypes.byref(result), ctypes.byref(length), ctypes.byref(diagnostics),
        )
        said = take_diagnostics(diagnostics)
        raise_for(status, said)
        return _native.take_string(result, length.value)

    # ------------------------------------------------------------ deciding
    def decider(self, *, assume_in_jurisdiction: bool = False) -> "Decider":
        """A Decider for this policy: the fast path for many families. One a thread."""
        return Decider(self, assume_in_jurisdiction=assume_in_jurisdiction)

    def decide(self, family: Family, as_of: AsOf = None) -> Decision:
        """Decides one family (money in integer fen), with this thread's Decider."""
        decider = getattr(self._local, "decider", None)
        if decider is None:
            decider = self._local.decider = Decider(self)
        return decider.decide(family, as_of)

    def simulate(
        self, families: Iterable[Family], as_of: AsOf = None, *, assume_in_jurisdiction: bool = False, source: str = ""
    ) -> "Simulation":
        """Totals over any iterable of families, as ``fuzhu simulate`` reports
        them: per benefit and per payer, per month, per year and once, in
        integer fen (exact). A family whose facts are not valid is counted as
        a rejected line (numbered from 1), never stops the run. ``source``
        names the families in the rejected lines (a file)."""
        from .simulation import simulate

        return simulate(self, families, as_of, assume_in_jurisdiction=assume_in_jurisdiction, source=source)


def _period_name(code: int) -> Optional[str]:
    return PERIODS[code] if 0 <= code < 3 else None


class Decider:
    """Decides families one after another for one policy, reusing its memory.

    Not for sharing between threads: give each thread its own (the Policy
    is shared). Decisions give money in integer fen.
    """

    def __init__(self, policy: Policy, *, assume_in_jurisdiction: bool = False) -> None:
        self.policy = policy
        lib = _native.lib()
        handle = ctypes.c_void_p()
        options = _native.EvalOptions(0, int(assume_in_jurisdiction))
        raise_for(lib.fuzhu_decider_new(policy._handle, ctypes.byref(options), ctypes.byref(handle)))
        self._handle = handle

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle and handle.value and _native._lib is not None:
            _native._lib.fuzhu_decider_free(handle)
            handle.value = None

    def decide_raw(self, data: bytes, as_of: Optional[bytes]) -> Any:
        """Decides JSON bytes; the C decisions (valid until the next call).
        Raises FactsError, EvaluationError or ArgumentError."""
        out = ctypes.POINTER(_native.Decisions)()
        status = _native.lib().fuzhu_decide_json(self._handle, data, len(data), as_of, ctypes.byref(out))
        if status != _native.OK:
            raise_for(status, read_diagnostics(_native.lib().fuzhu_decider_diagnostics(self._handle)))
        return out.contents

    def decide(self, family: Family, as_of: AsOf = None) -> Decision:
        """Decides one family (a dict or JSON text) on ``as_of`` (default: today)."""
        d = self.decide_raw(family_bytes(family), as_of_bytes(as_of))
        p = self.policy
        benefits = p.benefits
        shares = [
            (payer, fen if has else None)
            for payer, has, fen in _native.PAYER_SHARE.iter_unpack(ctypes.string_at(d.payers, d.payer_count * _native.PAYER_SHARE.size))
        ] if d.payer_count else []
        needs = [n for (n,) in _native.INT32.iter_unpack(ctypes.string_at(d.needs, d.need_count * _native.INT32.size))] if d.need_count else []
        granted = []
        if d.granted_count:
            rows = ctypes.string_at(d.granted, d.granted_count * _native.GRANTED.size)
            for b, r, has, split, fen, first, count, first_need, need_count in _native.GRANTED.iter_unpack(rows):
                benefit = benefits[b]
                granted.append(
                    Granted(benefit.id, p._recipients[r], benefit.period, benefit.kind, fen if has else None,
                            tuple(PayerShare(benefit.payers[k], f) for k, f in shares[first:first + count]),
                            tuple(p.facts[n] for n in needs[first_need:first_need + need_count]) if split else ())
                )
        undetermined = []
        if d.undetermined_count:
            for b, r, first, count, reason in _native.UNDETERMINED.iter_unpack(
                ctypes.string_at(d.undetermined, d.undetermined_count * _native.UNDETERMINED.size)
            ):
                undetermined.append(
                    Undetermined(benefits[b].id, p._recipients[r], tuple(p.facts[n] for n in needs[first:first + count]),
                                 _native.text(ctypes.string_at(reason)) if reason else "")
                )
        not_granted = tuple(
            benefits[n].id for (n,) in _native.INT32.iter_unpack(ctypes.string_at(d.not_granted, d.not_granted_count * _native.INT32.size))
        ) if d.not_granted_count else ()
        return Decision(
            bool(d.in_force),
            None if d.in_jurisdiction < 0 else bool(d.in_jurisdiction),
            tuple(granted),
            tuple(undetermined),
            not_granted,
        )


from .simulation import Simulation  # noqa: E402  (the type of Policy.simulate)
