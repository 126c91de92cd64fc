"""A family as the JSON text the library reads.

Families come as dicts (money in yuan as int, Decimal or str; dates as
datetime.date or "YYYY-MM-DD"), or as JSON text (str or bytes). Decimals are
written digit for digit. A float is written as Python's repr, the shortest
text that reads back as the same float: 490.5 stays "490.5", and an amount
with more than two decimals is refused by the library, never rounded.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any, Mapping, Union

Family = Union[Mapping[str, Any], str, bytes]


def _exact(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise TypeError(f"{value} is not an amount")
        return format(value, "f")
    if isinstance(value, float):
        return json.dumps(value, allow_nan=False)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return json.dumps(value.isoformat()[:10])
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{json.dumps(str(k), ensure_ascii=False)}:{_exact(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_exact(v) for v in value) + "]"
    raise TypeError(f"{type(value).__name__} is not a fact value")


def family_bytes(family: Family) -> bytes:
    """UTF-8 JSON text of one family."""
    if isinstance(family, bytes):
        return family
    if isinstance(family, str):
        return family.encode("utf-8")
    if not isinstance(family, Mapping):
        raise TypeError(f"a family is a dict or JSON text, not {type(family).__name__}")
    try:
        # The fast path: plain dicts of str, int, float, bool and None.
        return json.dumps(family, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except TypeError:
        return _exact(family).encode("utf-8")  # a Decimal, a date: written exactly


def as_of_bytes(as_of: Union[str, datetime.date, None]) -> Union[bytes, None]:
    """The evaluation date as the library reads it; None is today."""
    if as_of is None:
        return None
    if isinstance(as_of, (datetime.date, datetime.datetime)):
        return as_of.isoformat()[:10].encode("ascii")
    if isinstance(as_of, str):
        return as_of.encode("utf-8")
    raise TypeError(f"as_of is a date or 'YYYY-MM-DD', not {type(as_of).__name__}")
