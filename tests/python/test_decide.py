"""The fast path: Decider.decide and Policy.decide give integer fen by
name, the same decisions as evaluate, and threads may share a Policy."""

import json
import threading
import time

import fuzhu
from conftest import SOURCE


def test_decide_names_rows_and_payers_in_fen(yiyang, bereaved):
    decision = yiyang.decide(bereaved, "2026-11-23")
    assert decision.in_force and decision.in_jurisdiction is True
    special = [g for g in decision.granted if g.benefit == "special_allowance"]
    assert sorted(g.recipient for g in special) == ["father", "mother"]
    for g in special:
        # 490 元: 省级特别扶助资金 390 元 (deceased), 市财政 40 元 and 区财政 60 元
        # (a city district); 县财政 pays only in a county.
        assert (g.period, g.kind, g.fen, g.split_needs) == ("monthly", "cash", 49000, ())
        assert {p.payer: p.fen for p in g.payers} == {"省级特别扶助资金": 39000, "市财政": 4000, "区财政": 6000}
    assert decision.fen("monthly") == 98000
    assert "consolation_payment" in decision.not_granted  # the child died in 2020, not this year
    for u in decision.undetermined:
        assert all(need in yiyang.facts for need in u.needs)


def test_decide_agrees_with_evaluate_on_every_case_family():
    for cases_file in sorted((SOURCE / "tests" / "cases").glob("*.cases.json")):
        doc = json.loads(cases_file.read_text(encoding="utf-8"))
        policy = fuzhu.Policy.compile((cases_file.parent / doc["policy"]).resolve())
        decider = policy.decider()
        for case in doc["cases"]:
            try:
                evaluated = policy.evaluate(case["facts"], case["as_of"])
            except fuzhu.FuzhuError as e:
                try:
                    decider.decide(case["facts"], case["as_of"])
                except fuzhu.FuzhuError as again:
                    assert type(again) is type(e) and again.codes == e.codes
                    continue
                raise AssertionError(f"{cases_file.name}: evaluate failed, decide did not")
            decided = decider.decide(case["facts"], case["as_of"])
            assert sorted((g.benefit, g.recipient) for g in decided.granted) == sorted(
                (e["benefit"], e["recipient"]) for e in evaluated["entitlements"])
            for period in ("monthly", "yearly", "once"):
                for kind, total in evaluated["totals"][period].items():
                    assert decided.fen(period, kind) == int(total * 100)


def test_threads_share_one_policy(yiyang, bereaved):
    wrong = []

    def work():
        for _ in range(200):
            if yiyang.decide(bereaved, "2026-11-23").fen("monthly") != 98000:
                wrong.append(1)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not wrong


def test_decides_per_second(yiyang, population):
    """Not a limit, a figure: printed for docs/scale.md (pytest -s)."""
    lines = population.read_bytes().splitlines()[:2000]
    decider = yiyang.decider()
    start = time.perf_counter()
    for line in lines:
        try:
            decider.decide_raw(line, b"2026-11-23")
        except fuzhu.FuzhuError:
            pass
    raw = len(lines) / (time.perf_counter() - start)
    start = time.perf_counter()
    for line in lines:
        try:
            decider.decide(line, "2026-11-23")
        except fuzhu.FuzhuError:
            pass
    named = len(lines) / (time.perf_counter() - start)
    print(f"\nPython: {raw:.0f} decide_raw/s, {named:.0f} decide/s (named rows) on one core")
