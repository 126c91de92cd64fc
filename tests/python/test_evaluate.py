"""Policy.compile / compile_string / evaluate: plain Python data with exact
money, the bytes of `fuzhu eval --format json`, typed errors with codes."""

import datetime
import json
from decimal import Decimal

import pytest

import fuzhu
from conftest import SOURCE, cli


def numbers(value, key=""):
    """Every number in a parsed result, with the key it stands under."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from numbers(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from numbers(v, key)
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        yield key, value


def test_the_bereaved_family_gets_490_yuan_a_parent(yiyang, bereaved):
    result = yiyang.evaluate(bereaved, as_of="2026-11-23")
    special = [e for e in result["entitlements"] if e["benefit"] == "special_allowance"]
    assert sorted(e["recipient"] for e in special) == ["father", "mother"]
    assert all(e["amount"] == Decimal("490") and e["period"] == "monthly" for e in special)
    assert result["totals"]["monthly"] == {"cash": Decimal("980"), "in_kind": 0, "minimum": 0, "discretionary": 0}
    assert result["in_force"] is True and result["in_jurisdiction"] is True
    # Every number is money, and every amount a Decimal: never a float.
    found = list(numbers(result))
    assert found and all(isinstance(v, Decimal) for _, v in found)
    assert {k for k, _ in found} <= {"amount", "cash", "in_kind", "minimum", "discretionary"}


def test_text_dates_and_decimals_are_the_same_family(yiyang, bereaved):
    as_dict = yiyang.evaluate(bereaved, as_of=datetime.date(2026, 11, 23))
    as_text = yiyang.evaluate(json.dumps(bereaved, ensure_ascii=False), as_of="2026-11-23")
    as_bytes = yiyang.evaluate(json.dumps(bereaved).encode(), as_of="2026-11-23")
    typed = json.loads(json.dumps(bereaved))
    typed["mother"]["birth_date"] = datetime.date(1970, 3, 1)
    typed["household"]["income_last_year"] = Decimal("12000.50")
    with_decimal = yiyang.evaluate(typed, as_of="2026-11-23")
    assert as_dict == as_text == as_bytes
    assert with_decimal["totals"] == as_dict["totals"]


def test_explain_adds_the_reasons(yiyang, bereaved):
    result = yiyang.evaluate(bereaved, as_of="2026-11-23", explain=True)
    rows = [x for x in result["explanations"] if x["benefit"] == "consolation_payment"]
    assert rows and all(x["decision"] == "not_granted" for x in rows)
    english = yiyang.evaluate(bereaved, as_of="2026-11-23", explain=True, lang="en")
    assert english["entitlements"] == result["entitlements"] and english != result
    with pytest.raises(fuzhu.ArgumentError, match='lang "fr"'):
        yiyang.evaluate(bereaved, as_of="2026-11-23", explain=True, lang="fr")


def test_the_json_is_the_bytes_fuzhu_eval_prints(tmp_path):
    """Every family of the policy test cases, on its own date: the same
    bytes as the command, or an error where the command fails."""
    compared = failed = 0
    for cases_file in sorted((SOURCE / "tests" / "cases").glob("*.cases.json")):
        doc = json.loads(cases_file.read_text(encoding="utf-8"))
        policy_path = (cases_file.parent / doc["policy"]).resolve()
        policy = fuzhu.Policy.compile(policy_path)
        for i, case in enumerate(doc["cases"]):
            family = json.dumps(case["facts"], ensure_ascii=False)
            facts_file = tmp_path / f"{cases_file.stem}.{i}.json"
            facts_file.write_text(family, encoding="utf-8")
            expected = cli("eval", str(policy_path), str(facts_file), "--as-of", case["as_of"], "--format", "json")
            try:
                got = policy.evaluate_json(family, case["as_of"])
            except fuzhu.FuzhuError:
                assert expected.returncode == 1, (cases_file.name, i)
                failed += 1
                continue
            assert expected.returncode == 0 and got == expected.stdout, (cases_file.name, i)
            compared += 1
    assert compared > 80 and failed >= 1


def test_the_example_family_explained_under_every_policy_is_what_fuzhu_eval_prints():
    family = SOURCE / "examples" / "families" / "yiyang_bereaved.json"
    policies = sorted((SOURCE / "policies").glob("*.policy"))
    assert len(policies) >= 5
    for policy_path in policies:
        expected = cli("eval", str(policy_path), str(family), "--as-of", "2026-11-23", "--format", "json", "--explain")
        assert expected.returncode == 0, expected.stderr
        got = fuzhu.Policy.compile(policy_path).evaluate_json(family.read_bytes(), "2026-11-23", explain=True)
        assert got == expected.stdout, policy_path.name


def test_facts_errors_carry_the_code_and_the_path(yiyang):
    with pytest.raises(fuzhu.FactsError) as raised:
        yiyang.evaluate({"child": {"status": "lost"}}, as_of="2026-11-23")
    assert raised.value.codes == ["X003"]
    d = raised.value.diagnostics[0]
    assert (d.kind, d.path) == ("facts", "child.status")
    assert '"lost" is not one of' in d.message and '"lost"' in str(raised.value)
    assert isinstance(raised.value, ValueError)

    with pytest.raises(fuzhu.FactsError) as raised:
        yiyang.evaluate('{"child": ', as_of="2026-11-23")
    assert raised.value.codes == ["X001"]


def test_impossible_facts_and_bad_dates(yiyang):
    with pytest.raises(fuzhu.EvaluationError) as raised:
        yiyang.evaluate({"mother": {"birth_date": "2030-01-01"}}, as_of="2026-11-23")
    assert raised.value.codes == ["X006"]
    with pytest.raises(fuzhu.ArgumentError, match='as_of "2026-13-01" is not a day of the calendar'):
        yiyang.evaluate({}, as_of="2026-13-01")


def test_unknown_fields_are_warnings_not_errors(yiyang):
    result = yiyang.evaluate({"household": {"colour": "red"}}, as_of="2026-11-23")
    assert result["entitlements"] == []


def test_compile_errors_carry_codes_and_places():
    with pytest.raises(fuzhu.CompileError) as raised:
        # It uses "../../policies/facts.schema": `use` reads there only when
        # the host names the policies folder.
        fuzhu.Policy.compile(SOURCE / "tests" / "bad" / "type_error.policy", policies_dir=SOURCE / "policies")
    d = raised.value.diagnostics[0]
    assert d.code.startswith("T") and d.kind == "type" and (d.line, d.column) == (11, 8)
    assert "cannot apply '>' to date and money" in d.message
    with pytest.raises(fuzhu.CompileError) as raised:
        fuzhu.Policy.compile("/nowhere/x.policy")
    assert raised.value.codes == ["F001"]


def test_a_policy_given_as_text_finds_the_schema_in_policies_dir():
    text = ('use "facts.schema"\n'
            'policy "测试" { document "测试〔2026〕1号" in force from 2026-01-01 jurisdiction "益阳市" }\n'
            'benefit special_allowance "特别扶助金" { cites "一" monthly 490 元 }\n')
    policy = fuzhu.Policy.compile_string(text, name="memory.policy", policies_dir=SOURCE / "policies")
    assert [b.id for b in policy.benefits] == ["special_allowance"]
    assert policy.document == "测试〔2026〕1号"
    same = fuzhu.Policy.compile(text=text, name="memory.policy", policies_dir=SOURCE / "policies")
    assert same.evaluate({}, "2026-11-23") == policy.evaluate({}, "2026-11-23")
    with pytest.raises(TypeError):
        fuzhu.Policy.compile()
    with pytest.raises(TypeError):
        fuzhu.Policy.compile(SOURCE / "policies" / "yiyang.policy", text=text)
    with pytest.raises(fuzhu.CompileError) as raised:
        fuzhu.Policy.compile_string(text, name="memory.policy", policies_dir="")
    assert raised.value.codes == ["F004"]


def test_names_and_the_facts_schema(yiyang):
    assert len(yiyang.benefits) == 24  # policies/yiyang.policy: 24 benefit blocks
    first = yiyang.benefits[0]
    assert (first.id, first.title, first.period, first.kind) == ("special_allowance", "特别扶助金", "monthly", "cash")
    assert first.payers == ("省级特别扶助资金", "市财政", "区财政", "县财政")
    assert yiyang.document == "益政办发〔2017〕26号"
    assert (yiyang.info("issued"), yiyang.info("in_force_from"), yiyang.info("in_force_to")) == (
        "2017-09-28", "2017-09-29", "")
    with pytest.raises(KeyError):
        yiyang.info("colour")
    assert "child.status" in yiyang.facts and yiyang.recipient_name(-1) == "household"
    schema = yiyang.facts_schema()
    status = schema["properties"]["child"]["properties"]["status"]
    assert [c["const"] for c in status["oneOf"]] == ["deceased", "disabled", "living"]
    assert status["x-fuzhu-fact"] == yiyang.facts.index("child.status")
    assert schema["properties"]["mother"]["type"] == ["object", "null"]
