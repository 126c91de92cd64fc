"""The JSON Schema of `fuzhu facts --format json-schema` is a valid draft
2020-12 schema; every family the project holds (examples, and the facts of
every policy case) validates against each policy's schema, and families
worked out by hand to be wrong do not.

usage: python3 validate_json_schema.py FUZHU SOURCE_DIR   (exit 77: skipped)
"""
import glob
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: skipped")
    sys.exit(77)

fuzhu, source = sys.argv[1], sys.argv[2]
policies = sorted(glob.glob(os.path.join(source, "policies", "*.policy")))
families = [json.load(open(f, encoding="utf-8")) for f in glob.glob(os.path.join(source, "examples", "families", "*.json"))]
for case_file in glob.glob(os.path.join(source, "tests", "cases", "*.cases.json")):
    # A case that expects an error may hold a value no schema allows ("yesterday").
    families += [case["facts"] for case in json.load(open(case_file, encoding="utf-8"))["cases"]
                 if "facts" in case and "error" not in case]

# Each wrong in one way a records system could get wrong, by hand from facts.md.
wrong = [
    ({"child": {"disability_grade": 5}}, "a grade outside 1..4"),
    ({"child": {"status": "lost"}}, "an enum value the schema does not have"),
    ({"child": {"birth_date": "2020-7-1"}}, "a date not written YYYY-MM-DD"),
    ({"mother": {"alive": "no"}}, "a bool written as a string"),
    ({"household": {"income_last_year": "30000"}}, "money written as a string"),
    ({"household": "湖南省益阳市"}, "a record that is not an object"),
    ({"family": None}, "null for a root that is not optional"),
]

failures = []
checked = 0
for policy in policies:
    out = subprocess.run([fuzhu, "facts", policy, "--all", "--format", "json-schema"],
                         capture_output=True, check=True, text=True).stdout
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for family in families:
        errors = [e.message for e in validator.iter_errors(family)]
        checked += 1
        if errors:
            failures.append(f"{policy}: a valid family is refused: {errors[:2]}")
    for family, why in wrong:
        if validator.is_valid(family):
            failures.append(f"{policy}: {why} is accepted: {family}")
    # The default listing holds only what the policy reads, a subset of --all.
    read = json.loads(subprocess.run([fuzhu, "facts", policy, "--format", "json-schema"],
                                     capture_output=True, check=True, text=True).stdout)
    for root, body in read["properties"].items():
        for field in body["properties"]:
            if field not in schema["properties"][root]["properties"]:
                failures.append(f"{policy}: {root}.{field} is read but not in the schema")

for f in failures:
    print(f)
print(f"{len(policies)} schemas, {checked} families validated, {len(failures)} failures")
sys.exit(1 if failures else 0)
