"""examples/dask on a distributed.LocalCluster of 2 worker processes: a
generated population in 6 JSON Lines partitions gives the totals of
`fuzhu simulate --format json` on the whole file, to the fen, benefit by
benefit and payer by payer; each worker compiles the policy at most once.
Run by the ctest python.dask with FUZHU_LIBRARY, FUZHU_CLI, FUZHU_GENPOP and
PYTHONPATH=python:examples/dask."""

import json
import os
import pathlib
import subprocess
import time

import pytest
from distributed import Client, LocalCluster

import simulate_population

SOURCE = pathlib.Path(__file__).resolve().parents[2]
FAMILIES, PARTITIONS = 6000, 6


def tool(name):
    if not os.environ.get(name):
        pytest.skip(f"{name} is not set (run through ctest)")
    return os.environ[name]


@pytest.fixture(scope="module")
def population(tmp_path_factory):
    """The whole file (for simulate) and its partitions (for Dask)."""
    folder = tmp_path_factory.mktemp("dask")
    whole = folder / "population.jsonl"
    with open(whole, "wb") as out:
        subprocess.run([tool("FUZHU_GENPOP"), "--seed", "77", "--count", str(FAMILIES), "--bad-per-mille", "3"],
                       stdout=out, check=True)
    lines = whole.read_bytes().splitlines(keepends=True)
    size = len(lines) // PARTITIONS
    parts = []
    for i in range(PARTITIONS):
        part = folder / f"part-{i:02d}.jsonl"
        part.write_bytes(b"".join(lines[i * size:(i + 1) * size if i < PARTITIONS - 1 else len(lines)]))
        parts.append(part)
    return whole, parts


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(cluster) as c:
        yield c
    cluster.close()


def comparable(report):
    """Counts and totals. Rejected lines are numbered within each partition
    file here and within the whole file by simulate: only their number is
    compared (the test below checks their files and lines)."""
    keys = ["families_read", "families_evaluated", "families_granted", "families_with_undetermined", "benefits",
            "totals", "year_cost", "payers", "undetermined", "rejected_lines"]
    out = {k: report[k] for k in keys}
    for u in out["undetermined"]:
        u["needs"] = sorted((n["fact"], n["families"]) for n in u["needs"])
    return out


@pytest.mark.parametrize("name", ["yiyang", "songjiang"])
def test_dask_totals_are_simulate_totals(population, client, name):
    whole, parts = population
    policy = str(SOURCE / "policies" / f"{name}.policy")
    run = subprocess.run([tool("FUZHU_CLI"), "simulate", policy, str(whole), "--as-of", "2026-11-23",
                          "--format", "json", "--threads", "1"], capture_output=True, text=True, check=True)
    expected = json.loads(run.stdout)

    start = time.perf_counter()
    total = simulate_population.simulate(policy, [str(p) for p in parts], "2026-11-23")
    seconds = time.perf_counter() - start
    got = total.to_dict()
    print(f"\n{name}: {total.families_read} families on 2 Dask workers in {seconds:.2f} s")

    assert comparable(got) == comparable(expected)
    assert got["families_read"] == FAMILIES and got["rejected_lines"] > 0
    assert {b["benefit"]: b["totals"] for b in got["benefits"]}["special_allowance"]["monthly"] != "0"
    assert got["year_cost"]["cash"] != "0"
    if name == "yiyang":  # 益阳 sets the payers' shares; 松江 names its payer without a share
        assert {p["payer"] for p in got["payers"]} >= {"省级特别扶助资金", "市财政", "区财政", "县财政"}
    # Rejected lines keep their file and their line number in it.
    assert all(r.source.endswith(".jsonl") and r.line >= 1 for r in total.rejected)


def test_each_worker_compiles_the_policy_once(population, client):
    _, parts = population
    policy = str(SOURCE / "policies" / "yiyang.policy")
    simulate_population.simulate(policy, [str(p) for p in parts], "2026-11-23")
    simulate_population.simulate(policy, [str(p) for p in parts], "2026-11-23")
    compiles = client.run(lambda: simulate_population.worker_policy.cache_info().misses)
    assert len(compiles) == 2
    # songjiang and yiyang (the test above) at most: never once a partition.
    assert all(n <= 2 for n in compiles.values()) and sum(compiles.values()) >= 1
