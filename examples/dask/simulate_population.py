"""A population past one machine, on Dask: the totals of `fuzhu simulate`
for a population partitioned into JSON Lines files.

    python3 examples/dask/simulate_population.py POLICY 'population/part-*.jsonl' \\
        --as-of 2026-11-23 [--scheduler tcp://HOST:8786 | --local-workers 2]

Each file is one partition; one task decides its families with the policy
its worker process compiled once (worker_policy, a cache per process) and
returns partial totals in integer fen; Dask merges the partials in a tree,
exactly (Simulation.merge). Prints the totals as `fuzhu simulate --format
json` does. The paths may be anything fsspec reads (s3://, hdfs://, a
shared folder), as long as every worker can read them. docs/scale.md says
how to run it on a real cluster.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import sys
from typing import Iterable, List, Optional, Tuple

import dask.bag as db

import fuzhu


@functools.lru_cache(maxsize=None)
def worker_policy(policy_path: str) -> fuzhu.Policy:
    """The policy, compiled once per worker process (and kept)."""
    return fuzhu.Policy.compile(policy_path)


def simulate_partition(lines: Iterable[Tuple[str, str]], policy_path: str, as_of: str) -> fuzhu.Simulation:
    """One partition (a file, as (line, path) pairs) → its partial totals.
    Lines are numbered from 1 within the file, as simulate numbers them;
    they are streamed, never all held at once."""
    rows = iter(lines)
    first = next(rows, None)
    if first is None:
        return fuzhu.Simulation()  # an empty file: nothing to add
    families = itertools.chain((first[0],), (line for line, _ in rows))
    return worker_policy(policy_path).simulate(families, as_of, source=first[1])


def merge_all(partials: List[fuzhu.Simulation]) -> fuzhu.Simulation:
    total = fuzhu.Simulation()
    for part in partials:
        total = total.merge(part)
    return total


def simulate(policy_path: str, paths, as_of: str) -> fuzhu.Simulation:
    """The lazy-free result: runs on the current Dask client (or the local
    scheduler when there is none). `paths` is a glob, a path or a list."""
    bag = db.read_text(paths, blocksize=None, include_path=True)  # one partition a file
    total = bag.reduction(
        functools.partial(simulate_partition, policy_path=policy_path, as_of=as_of),
        merge_all,
        split_every=8,
    )
    return total.compute()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("policy")
    parser.add_argument("paths", nargs="+", help="JSON Lines files (or globs), one partition each")
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--scheduler", help="a Dask scheduler's address, tcp://HOST:8786")
    parser.add_argument("--local-workers", type=int, default=0, help="start a LocalCluster of N worker processes")
    args = parser.parse_args(argv)

    client = None
    if args.scheduler or args.local_workers:
        from distributed import Client, LocalCluster

        if args.scheduler:
            client = Client(args.scheduler)
        else:
            client = Client(LocalCluster(n_workers=args.local_workers, threads_per_worker=1, dashboard_address=None))
    try:
        total = simulate(args.policy, args.paths if len(args.paths) > 1 else args.paths[0], args.as_of)
    finally:
        if client is not None:
            client.close()
    json.dump(total.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
