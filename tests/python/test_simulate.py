"""Policy.simulate over any iterable: the totals of `fuzhu simulate`, to the
fen, benefit by benefit and payer by payer; partial totals merge exactly."""

import json
import pickle

import fuzhu
from conftest import cli


def simulate_report(policy: str, population) -> dict:
    run = cli("simulate", f"policies/{policy}.policy", str(population), "--as-of", "2026-11-23",
              "--format", "json", "--threads", "1")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def comparable(report: dict) -> dict:
    """What both give: counts and totals (rejected reasons are worded by
    each reader, so only their number is compared)."""
    keys = ["families_read", "families_evaluated", "families_granted", "families_with_undetermined", "benefits",
            "totals", "year_cost", "payers", "undetermined", "rejected_lines"]
    out = {k: report[k] for k in keys}
    out["rejected"] = [(r["line"], r["code"], r["path"]) for r in report["rejected"]]
    for u in out["undetermined"]:
        u["needs"] = sorted((n["fact"], n["families"]) for n in u["needs"])
    return out


def test_simulate_gives_the_totals_of_fuzhu_simulate(source, population):
    for name in ("yiyang", "songjiang"):
        policy = fuzhu.Policy.compile(source / "policies" / f"{name}.policy")
        with open(population, encoding="utf-8") as lines:
            simulation = policy.simulate(lines, "2026-11-23", source=str(population))
        expected = simulate_report(name, population)
        assert comparable(simulation.to_dict()) == comparable(expected)
        assert simulation.rejected_lines > 0 and simulation.benefits["special_allowance"].families > 0


def test_partial_totals_merge_to_the_whole(yiyang, population):
    lines = population.read_text(encoding="utf-8").splitlines()
    whole = yiyang.simulate(lines, "2026-11-23")
    parts = [yiyang.simulate(lines[i:i + 700], "2026-11-23", source=f"part{i}") for i in range(0, len(lines), 700)]
    merged = parts[0]
    for part in reversed(parts[1:]):  # any order
        merged = pickle.loads(pickle.dumps(merged.merge(part)))
    merged_report, whole_report = comparable(merged.to_dict()), comparable(whole.to_dict())
    # Rejected lines are numbered within each part: the same lines, others' numbers.
    assert len(merged_report.pop("rejected")) == len(whole_report.pop("rejected"))
    assert merged_report == whole_report
    assert merged.year_cost() == 12 * whole.totals["cash"].monthly + whole.totals["cash"].yearly
    assert fuzhu.yuan(whole.totals["cash"].monthly) * 100 == whole.totals["cash"].monthly


def test_a_bad_family_is_a_rejected_line_not_an_exception(yiyang, bereaved):
    simulation = yiyang.simulate([bereaved, {"child": {"status": "lost"}}, "{", bereaved], "2026-11-23")
    assert (simulation.families_evaluated, simulation.rejected_lines) == (2, 2)
    assert [r.line for r in simulation.rejected] == [2, 3]
    assert "child.status" in simulation.rejected[0].reason
    assert simulation.benefits["special_allowance"].recipients == 4
    assert simulation.totals["cash"].monthly == 2 * 98000


def test_empty_lines_are_skipped_and_numbered_as_simulate_does(yiyang, population, tmp_path):
    lines = population.read_text(encoding="utf-8").splitlines(keepends=True)[:6]
    with_blanks = lines[:3] + ["\n", "   \n", "\r\n"] + lines[3:]
    path = tmp_path / "blanks.jsonl"
    path.write_text("".join(with_blanks), encoding="utf-8")
    with open(path, encoding="utf-8", newline="") as text:
        simulation = yiyang.simulate(text, "2026-11-23")
    # Two empty lines skipped; the line of spaces (line 5) is rejected.
    assert comparable(simulation.to_dict()) == comparable(simulate_report("yiyang", path))
    assert simulation.families_read == len(lines) + 1
    assert 5 in [r.line for r in simulation.rejected]
