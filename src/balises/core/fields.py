"""A field holding several codes of a closed vocabulary (themes, widenings).

Stored as one text column « ␠energie␠mobilite␠ » so that filtering by one code is a plain
`contains` lookup on both SQLite and PostgreSQL (JSON containment is not portable), and the
surrounding spaces make every code match as a whole word.
"""

from django.db import models
from django.db.models import Q


def encode_codes(codes) -> str:
    unique = sorted({str(code).strip() for code in codes or [] if str(code).strip()})
    return f" {' '.join(unique)} " if unique else ""


def decode_codes(value: str) -> list[str]:
    return value.split() if value else []


def has_code(field: str, code: str) -> Q:
    return Q(**{f"{field}__contains": f" {code} "})


class CodesField(models.CharField):
    """A CharField whose Python value is a sorted list of codes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 400)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return decode_codes(value)

    def to_python(self, value):
        if isinstance(value, list):
            return sorted(set(value))
        return decode_codes(value or "")

    def get_prep_value(self, value):
        if isinstance(value, list | tuple | set):
            return encode_codes(value)
        return value or ""

    def value_to_string(self, obj):
        return " ".join(self.value_from_object(obj) or [])
