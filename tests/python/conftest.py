"""Shared fixtures of the Python tests. The ctest `python.pytest` runs them
with FUZHU_LIBRARY (the built libfuzhu_c), FUZHU_CLI (./build/fuzhu),
FUZHU_GENPOP and PYTHONPATH=python set (cmake/parts/python.cmake)."""

import json
import os
import pathlib
import subprocess

import pytest

import fuzhu

SOURCE = pathlib.Path(__file__).resolve().parents[2]


def tool(name: str) -> str:
    path = os.environ.get(name)
    if not path:
        pytest.skip(f"{name} is not set (run through ctest)")
    return path


@pytest.fixture(scope="session")
def source() -> pathlib.Path:
    return SOURCE


@pytest.fixture(scope="session")
def yiyang() -> fuzhu.Policy:
    return fuzhu.Policy.compile(SOURCE / "policies" / "yiyang.policy")


@pytest.fixture(scope="session")
def bereaved() -> dict:
    """examples/families/yiyang_bereaved.json: both parents alive, the only
    child died in 2020, 赫山区 (a city district of 益阳市)."""
    return json.loads((SOURCE / "examples" / "families" / "yiyang_bereaved.json").read_text(encoding="utf-8"))


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([tool("FUZHU_CLI"), *args], cwd=SOURCE, capture_output=True, text=True)


@pytest.fixture(scope="session")
def population(tmp_path_factory) -> pathlib.Path:
    """3000 generated families, 5 in 1000 of them bad lines."""
    path = tmp_path_factory.mktemp("population") / "population.jsonl"
    with open(path, "wb") as out:
        subprocess.run([tool("FUZHU_GENPOP"), "--seed", "21", "--count", "3000", "--bad-per-mille", "5"],
                       stdout=out, check=True)
    return path
