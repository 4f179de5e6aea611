"""YAML loading that keeps where each value was written, for error messages.

Mappings load as `MarkedDict` and sequences as `MarkedList`; both remember the position of the
node itself (`where`) and of each of their values (`where_of(key_or_index)`). JSON is read the
same way after a strict JSON syntax check, since JSON documents are YAML documents.
"""

import json
from typing import Any

import yaml
from django.utils.translation import gettext as _

from .document import Where
from .errors import FormatError


def _where(mark: yaml.Mark | None, file: str) -> Where:
    if mark is None:
        return Where(file)
    return Where(file, mark.line + 1, mark.column + 1)


class MarkedDict(dict):
    where: Where
    value_marks: dict[Any, Where]
    key_marks: dict[Any, Where]

    def where_of(self, key: Any) -> Where:
        return self.value_marks.get(key, self.where)

    def where_of_key(self, key: Any) -> Where:
        return self.key_marks.get(key, self.where)


class MarkedList(list):
    where: Where
    value_marks: list[Where]

    def where_of(self, index: int) -> Where:
        return self.value_marks[index] if index < len(self.value_marks) else self.where


# The C parser (when PyYAML was built with libyaml) is several times faster and keeps marks.
_BASE: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _loader_for(file: str) -> type:
    class MarkedLoader(_BASE):
        def construct_mapping(self, node, deep=False):  # type: ignore[override]
            if not isinstance(node, yaml.MappingNode):
                return super().construct_mapping(node, deep=deep)
            self.flatten_mapping(node)
            result = MarkedDict()
            result.where = _where(node.start_mark, file)
            result.value_marks = {}
            result.key_marks = {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                if key in result:
                    raise FormatError(
                        _("clé « %(key)s » répétée") % {"key": key},
                        file=file,
                        line=key_node.start_mark.line + 1,
                        column=key_node.start_mark.column + 1,
                        expected=_("chaque clé une seule fois"),
                    )
                result[key] = self.construct_object(value_node, deep=True)
                result.value_marks[key] = _where(value_node.start_mark, file)
                result.key_marks[key] = _where(key_node.start_mark, file)
            return result

        def construct_sequence(self, node, deep=False):  # type: ignore[override]
            result = MarkedList(self.construct_object(child, deep=True) for child in node.value)
            result.where = _where(node.start_mark, file)
            result.value_marks = [_where(child.start_mark, file) for child in node.value]
            return result

    MarkedLoader.add_constructor("tag:yaml.org,2002:map", MarkedLoader.construct_mapping)
    MarkedLoader.add_constructor("tag:yaml.org,2002:seq", MarkedLoader.construct_sequence)
    return MarkedLoader


def load(text: str, file: str, *, is_json: bool = False) -> Any:
    """Parse YAML (or JSON) text, raising FormatError with the position of a syntax error."""
    if is_json:
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            raise FormatError(
                _("JSON invalide : %(message)s") % {"message": error.msg},
                file=file,
                line=error.lineno,
                column=error.colno,
            ) from None
    try:
        return yaml.load(text, Loader=_loader_for(file))  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise FormatError(
            _("YAML invalide : %(problem)s") % {"problem": error.problem or error.context},
            file=file,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as error:
        raise FormatError(_("YAML invalide : %(error)s") % {"error": error}, file=file) from None
