"""HTML forms as a browser would submit them: parsed from a page, then filled.

The write walker reads every POST form the référent of space A sees, fills what a person would
have to type, and sends the same payload as people who may not write. Filling is generic (by
input type and name); a route whose form needs more is given its values in the walker's table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Field:
    name: str
    kind: str  # input type, "select" or "textarea"
    value: str = ""
    required: bool = False
    checked: bool = False
    options: list[tuple[str, bool]] = field(default_factory=list)  # (value, selected)


@dataclass
class Form:
    action: str
    fields: list[Field] = field(default_factory=list)
    submit: tuple[str, str] | None = None  # the first named submit button
    multipart: bool = False


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None
        self._option: tuple[str | None, bool] | None = None
        self._option_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            if a.get("method", "get").lower() == "post":
                multipart = a.get("enctype", "") == "multipart/form-data"
                self._form = Form(a.get("action", ""), multipart=multipart)
            return
        form = self._form
        if form is None:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                if form.submit is None:
                    form.submit = (a["name"], a.get("value", ""))
                return
            form.fields.append(
                Field(a["name"], kind, a.get("value", ""), "required" in a, "checked" in a)
            )
        elif tag == "button" and a.get("name") and a.get("type", "submit") == "submit":
            if form.submit is None:
                form.submit = (a["name"], a.get("value", ""))
        elif tag == "select" and a.get("name"):
            self._select = Field(a["name"], "select", required="required" in a)
            if "multiple" in a:
                self._select.kind = "select-multiple"
            form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = (a.get("value"), "selected" in a)
            self._option_text = ""
        elif tag == "textarea" and a.get("name"):
            self._textarea = Field(a["name"], "textarea", required="required" in a)
            form.fields.append(self._textarea)

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.value += data
        if self._option is not None:
            self._option_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "option" and self._option is not None and self._select is not None:
            value, selected = self._option
            self._select.options.append(
                (self._option_text.strip() if value is None else value, selected)
            )
            self._option = None


def parse_forms(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


DATE_WORDS = ("date", "start", "end", "debut", "fin", "starts_on", "ends_on", "period")


def _typed(name: str, kind: str) -> str:
    """What a person would type in an empty field of this kind."""
    if kind == "email":
        return "ecriture-walker@example.org"
    if kind == "url" or name.endswith("url"):
        return "https://example.org/ecriture-walker"
    if kind == "number" or name in ("amount", "montant", "quantity", "quantite"):
        return "3"
    if kind == "date":
        return "2020-01-15"
    if any(word in name for word in DATE_WORDS):
        return "2020"
    return "Écriture walker"


def fill(form: Form, overrides: dict[str, object] | None = None) -> dict[str, object]:
    """The payload a person would send: values shown, empty required fields typed in."""
    data: dict[str, object] = {}
    for f in form.fields:
        if f.kind in ("checkbox", "radio"):
            if f.checked:
                data.setdefault(f.name, []).append(f.value or "on")  # type: ignore[union-attr]
            elif f.kind == "radio" and f.required and f.name not in data:
                data[f.name] = [f.value]
        elif f.kind == "select-multiple":
            data[f.name] = [v for v, selected in f.options if selected]
        elif f.kind == "select":
            # As a browser sends it: the selected option, else the first one.
            chosen = [v for v, selected in f.options if selected]
            chosen = chosen or [v for v, _s in f.options][:1] or [""]
            data[f.name] = chosen[0]
        elif f.kind == "file":
            continue
        else:
            value = f.value
            if not value.strip() and f.required:
                value = _typed(f.name, f.kind)
            data[f.name] = value
    for name, values in list(data.items()):
        if isinstance(values, list) and len(values) == 1 and not name.endswith("s"):
            data[name] = values[0]
    if form.submit is not None:
        data.setdefault(form.submit[0], form.submit[1])
    data.update(overrides or {})
    return data
