"""API fields holding a model's choices, typed by the model's own list.

``kind: Annotated[str, choices_of(ActeurKind)]`` accepts and gives only the values of
``ActeurKind``, and OpenAPI lists them as an ``enum``, so clients (and generated tests) know the
allowed values. The values are written in place rather than as a named schema: several apps
have their own « Kind » or « Status », and named schemas of the same name would overwrite each
other in the document. Mypy sees a plain ``str``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Choices
from pydantic_core import core_schema


class ChoiceValues:
    """Pydantic metadata that makes a field a literal of the given values."""

    def __init__(self, values: list[Any]) -> None:
        self.values = values

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.literal_schema(self.values)


def choices_of(choices: type[Choices], *, blank: bool = False) -> ChoiceValues:
    """The values of ``choices`` (and "" with ``blank=True``, for optional fields and filters)."""
    return ChoiceValues(([""] if blank else []) + list(choices.values))
