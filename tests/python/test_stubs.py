"""The type stubs (fuzhu/__init__.pyi) name what the package exports, with
the same parameters, so that type checkers and editors tell the truth."""

import ast
import inspect
import pathlib

import fuzhu

STUB = pathlib.Path(fuzhu.__file__).with_name("__init__.pyi")


def stub_tree():
    return ast.parse(STUB.read_text(encoding="utf-8"))


def parameters(node: ast.FunctionDef):
    a = node.args
    return [p.arg for p in a.posonlyargs + a.args + a.kwonlyargs]


def test_py_typed_is_shipped():
    assert STUB.with_name("py.typed").exists()


def test_every_export_is_in_the_stubs_and_back():
    tree = stub_tree()
    stubbed = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    assert stubbed == set(fuzhu.__all__)


def test_stub_signatures_match_the_code():
    for node in stub_tree().body:
        if isinstance(node, ast.FunctionDef):
            assert parameters(node) == list(inspect.signature(getattr(fuzhu, node.name)).parameters), node.name
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(fuzhu, node.name)
        for member in node.body:
            if not isinstance(member, ast.FunctionDef):
                continue
            real = inspect.getattr_static(cls, member.name)
            if isinstance(real, property):
                continue
            function = real.__func__ if isinstance(real, (classmethod, staticmethod)) else real
            names = list(inspect.signature(function).parameters)
            assert parameters(member) == names, f"{node.name}.{member.name}: stub {parameters(member)} code {names}"
