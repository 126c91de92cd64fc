"""Totals over a population, exact in integer fen, mergeable across
processes and machines (Dask, Spark): the numbers of ``fuzhu simulate``.

As simulate does, the kinds of amount (cash, in kind, minimum,
discretionary) are kept apart and never added together."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Tuple

from . import _native
from ._json import as_of_bytes, family_bytes
from .errors import ArgumentError, FuzhuError

if TYPE_CHECKING:
    from ._json import Family
    from .policy import AsOf, Policy

PERIODS = ("monthly", "yearly", "once")
KINDS = _native.KINDS  #: "cash", "in_kind", "minimum", "discretionary"
KEPT_REJECTIONS = 100  #: rejected lines kept with their reason (the first ones), as simulate keeps


def yuan(fen: int) -> Decimal:
    """Fen as exact decimal yuan: 49000 → Decimal('490.00')."""
    return Decimal(fen).scaleb(-2)


def _yuan_text(fen: int) -> str:
    """As simulate's JSON writes yuan: "3150", "12.50"."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}" if cents == 0 else f"{sign}{whole}.{cents:02d}"


@dataclass
class PeriodTotals:
    """Fen per month, per year and once."""

    monthly: int = 0
    yearly: int = 0
    once: int = 0

    def add(self, other: "PeriodTotals") -> None:
        self.monthly += other.monthly
        self.yearly += other.yearly
        self.once += other.once

    def as_yuan(self) -> Dict[str, str]:
        return {p: _yuan_text(getattr(self, p)) for p in PERIODS}


def _kinds() -> Dict[str, PeriodTotals]:
    return {k: PeriodTotals() for k in KINDS}


def _kinds_as_yuan(by_kind: Dict[str, PeriodTotals]) -> Dict[str, Dict[str, str]]:
    """Period first, the kinds apart, as simulate's JSON: {"monthly": {"cash": "3150", …}, …}."""
    return {p: {k: _yuan_text(getattr(by_kind[k], p)) for k in KINDS} for p in PERIODS}


@dataclass
class BenefitTotals:
    title: str
    kind: str = "cash"  #: its kind of amount
    families: int = 0  #: families granted it
    recipients: int = 0  #: rows granted: a parent, the child, the household
    payers_undetermined: int = 0  #: rows whose payers depend on facts not given
    fen: PeriodTotals = field(default_factory=PeriodTotals)


@dataclass
class UndeterminedTotals:
    title: str
    families: int = 0
    needs: Dict[str, int] = field(default_factory=dict)  #: fact path → families needing it


@dataclass(frozen=True, order=True)
class Rejected:
    source: str  #: the file (or "" for an iterable)
    line: int  #: 1-based position in it
    reason: str
    code: str = ""  #: the first error's diagnostic code
    path: str = ""  #: the fact it is about, if any


@dataclass
class Simulation:
    """What a population costs. Every amount is integer fen: sums are exact
    and ``merge`` gives the same answer in any order, so partial totals from
    many workers add up to one run's totals."""

    benefit_order: Tuple[str, ...] = ()  #: the policy's benefit ids, in its order
    payer_order: Tuple[str, ...] = ()  #: the policy's payer names, in its order
    families_evaluated: int = 0
    families_granted: int = 0  #: granted anything
    families_with_undetermined: int = 0
    rejected_lines: int = 0
    totals: Dict[str, PeriodTotals] = field(default_factory=_kinds)  #: by kind of amount
    benefits: Dict[str, BenefitTotals] = field(default_factory=dict)  #: by benefit id, granted at least once
    payers: Dict[str, Dict[str, PeriodTotals]] = field(default_factory=dict)  #: payer name → kind → fen
    undetermined: Dict[str, UndeterminedTotals] = field(default_factory=dict)
    rejected: List[Rejected] = field(default_factory=list)  #: the first KEPT_REJECTIONS, by (source, line)

    @property
    def families_read(self) -> int:
        return self.families_evaluated + self.rejected_lines

    def year_cost(self, kind: str = "cash") -> int:
        """12 × per month + per year of one kind of amount, in fen."""
        return 12 * self.totals[kind].monthly + self.totals[kind].yearly

    def merge(self, other: "Simulation") -> "Simulation":
        """The totals of both populations (a new object; neither changes)."""
        out = Simulation(self.benefit_order or other.benefit_order, self.payer_order or other.payer_order)
        for part in (self, other):
            out.families_evaluated += part.families_evaluated
            out.families_granted += part.families_granted
            out.families_with_undetermined += part.families_with_undetermined
            out.rejected_lines += part.rejected_lines
            for kind in KINDS:
                out.totals[kind].add(part.totals[kind])
            for id, b in part.benefits.items():
                mine = out.benefits.setdefault(id, BenefitTotals(b.title, b.kind))
                mine.families += b.families
                mine.recipients += b.recipients
                mine.payers_undetermined += b.payers_undetermined
                mine.fen.add(b.fen)
            for name, by_kind in part.payers.items():
                mine_p = out.payers.setdefault(name, _kinds())
                for kind in KINDS:
                    mine_p[kind].add(by_kind[kind])
            for id, u in part.undetermined.items():
                mine_u = out.undetermined.setdefault(id, UndeterminedTotals(u.title))
                mine_u.families += u.families
                for need, count in u.needs.items():
                    mine_u.needs[need] = mine_u.needs.get(need, 0) + count
        out.rejected = sorted(self.rejected + other.rejected)[:KEPT_REJECTIONS]
        return out

    def to_dict(self) -> Dict[str, Any]:
        """Shaped as ``fuzhu simulate --format json`` (amounts as yuan
        strings), without its header (policy, population, as_of)."""
        return {
            "families_read": self.families_read,
            "families_evaluated": self.families_evaluated,
            "families_granted": self.families_granted,
            "families_with_undetermined": self.families_with_undetermined,
            "benefits": [
                {"benefit": id, "title": b.title, "kind": b.kind, "families": b.families, "recipients": b.recipients,
                 "payers_undetermined": b.payers_undetermined, "totals": b.fen.as_yuan()}
                for id, b in ((id, self.benefits[id]) for id in self.benefit_order if id in self.benefits)
            ],
            "totals": _kinds_as_yuan(self.totals),
            "year_cost": {k: _yuan_text(self.year_cost(k)) for k in KINDS},
            "payers": [{"payer": name, "totals": _kinds_as_yuan(self.payers[name])}
                       for name in self.payer_order if name in self.payers],
            "undetermined": [
                {"benefit": id, "families": self.undetermined[id].families,
                 "needs": [{"fact": f, "families": n} for f, n in
                           sorted(self.undetermined[id].needs.items(), key=lambda item: -item[1])]}
                for id in self.benefit_order if id in self.undetermined
            ],
            "rejected_lines": self.rejected_lines,
            "rejected": [{"line": r.line, "code": r.code, "path": r.path, "reason": r.reason} for r in self.rejected],
        }


class _Tally:
    """One run's sums by index (as src/sim/tally.cpp keeps them), named at the end."""

    def __init__(self, policy: "Policy") -> None:
        self.policy = policy
        n = len(policy.benefits)
        self.periods = [PERIODS.index(b.period) if b.period else -1 for b in policy.benefits]
        self.kinds = [b.kind for b in policy.benefits]
        self.families = [0] * n
        self.recipients = [0] * n
        self.payers_undetermined = [0] * n
        self.fen = [[0, 0, 0] for _ in range(n)]
        self.payer_fen: List[Dict[int, List[int]]] = [dict() for _ in range(n)]  # payer index → fen by period
        self.undetermined_families = [0] * n
        self.needs: List[Dict[int, int]] = [dict() for _ in range(n)]
        self.out = Simulation(tuple(b.id for b in policy.benefits), _payer_order(policy))

    def add(self, d: Any) -> None:
        out = self.out
        out.families_evaluated += 1
        if d.granted_count:
            out.families_granted += 1
            shares = list(_native.PAYER_SHARE.iter_unpack(ctypes.string_at(d.payers, d.payer_count * _native.PAYER_SHARE.size))) if d.payer_count else []
            rows = ctypes.string_at(d.granted, d.granted_count * _native.GRANTED.size)
            previous = -1  # rows of one benefit are adjacent
            for b, _r, has, split, fen, first, count, _n, _c in _native.GRANTED.iter_unpack(rows):
                self.recipients[b] += 1
                if b != previous:
                    self.families[b] += 1
                previous = b
                self.payers_undetermined[b] += split
                p = self.periods[b]
                if p < 0:
                    continue
                if has:
                    self.fen[b][p] += fen
                for payer, share_has, share in shares[first:first + count]:
                    if share_has:
                        self.payer_fen[b].setdefault(payer, [0, 0, 0])[p] += share
        if d.undetermined_count:
            out.families_with_undetermined += 1
            needs = [n for (n,) in _native.INT32.iter_unpack(ctypes.string_at(d.needs, d.need_count * _native.INT32.size))] if d.need_count else []
            previous = -1
            seen: set = set()
            for b, _r, first, count, _reason in _native.UNDETERMINED.iter_unpack(
                ctypes.string_at(d.undetermined, d.undetermined_count * _native.UNDETERMINED.size)
            ):
                if b != previous:
                    self.undetermined_families[b] += 1
                    seen = set()
                previous = b
                for n in needs[first:first + count]:
                    if n not in seen:
                        seen.add(n)
                        self.needs[b][n] = self.needs[b].get(n, 0) + 1

    def reject(self, source: str, line: int, error: FuzhuError) -> None:
        self.out.rejected_lines += 1
        if len(self.out.rejected) < KEPT_REJECTIONS:
            errors = [d for d in error.diagnostics if d.severity == "error"]
            first = errors[0] if errors else None
            reason = "; ".join(d.message if not d.path or d.message.startswith(d.path) else f"{d.path}: {d.message}"
                               for d in errors) or str(error)
            self.out.rejected.append(Rejected(source, line, reason, first.code if first else "", first.path if first else ""))

    def finish(self) -> Simulation:
        out, policy = self.out, self.policy
        for b, benefit in enumerate(policy.benefits):
            kind = self.kinds[b]
            if self.recipients[b]:
                totals = BenefitTotals(benefit.title, kind, self.families[b], self.recipients[b],
                                       self.payers_undetermined[b], PeriodTotals(*self.fen[b]))
                out.benefits[benefit.id] = totals
                out.totals[kind].add(totals.fen)
            for payer, fen in self.payer_fen[b].items():
                out.payers.setdefault(benefit.payers[payer], _kinds())[kind].add(PeriodTotals(*fen))
            if self.undetermined_families[b]:
                out.undetermined[benefit.id] = UndeterminedTotals(
                    benefit.title, self.undetermined_families[b],
                    {policy.facts[n]: c for n, c in self.needs[b].items()},
                )
        return out


def _payer_order(policy: "Policy") -> Tuple[str, ...]:
    names: Dict[str, None] = {}
    for b in policy.benefits:
        for name in b.payers:
            names.setdefault(name, None)
    return tuple(names)


def _blank(family: Any) -> bool:
    """An empty line of a file (its "\n" or "\r\n" aside), which
    ``fuzhu simulate`` skips. A line of spaces is not empty: it is rejected."""
    if isinstance(family, str):
        return family in ("", "\n", "\r\n", "\r")
    if isinstance(family, (bytes, bytearray)):
        return family in (b"", b"\n", b"\r\n", b"\r")
    return False


def simulate(
    policy: "Policy", families: Iterable["Family"], as_of: "AsOf" = None, *,
    assume_in_jurisdiction: bool = False, source: str = "",
) -> Simulation:
    """See Policy.simulate."""
    from .policy import Decider

    decider = Decider(policy, assume_in_jurisdiction=assume_in_jurisdiction)
    date = as_of_bytes(as_of)
    tally = _Tally(policy)
    for line, family in enumerate(families, start=1):
        if _blank(family):
            continue  # as simulate: an empty line is no family, but keeps its number
        try:
            decisions = decider.decide_raw(family_bytes(family), date)
        except ArgumentError:
            raise  # a bad as_of is the caller's mistake, not the family's
        except FuzhuError as e:
            tally.reject(source, line, e)
            continue
        tally.add(decisions)
    return tally.finish()
