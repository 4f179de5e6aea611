"""Reading and checking the demo data files (pure: no ORM). The format is described in loader.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from balises.cooperation.models.choices import ActeurKind, Level, Nature, ParticipationRole, Unit
from balises.trajectoires.dates import PartialDateError, parse_partial_date
from balises.trajectoires.models.choices import (
    EventKind,
    LinkKind,
    Precision,
    Scale,
    Status,
    Theme,
    Widening,
)

FORMAT = "balises-demo/1"
DATA_DIR = Path(__file__).parent / "data"
RECIT_KEYS = {
    "contexte": "recit_contexte",
    "declencheur": "recit_declencheur",
    "realisation": "recit_realisation",
    "obstacles": "recit_obstacles",
    "tournants": "recit_tournants",
    "effets": "recit_effets",
    "enseignements": "recit_enseignements",
}
# « (S15) » or « (S15, S16) »: a citation when every name in the parentheses is a source key.
_CITATION = re.compile(r"\(([A-Za-z0-9_-]+(?:,\s*[A-Za-z0-9_-]+)*)\)")
_LOOKS_LIKE_KEY = re.compile(r"^S\d+$")
# A source key left in a text outside a citation would reach the pages as is.
_BARE_KEY = re.compile(r"\bS\d+\b")
# The three kinds of cooperation records a town file may hold, under ``dispositifs``.
DISPOSITIF_SECTIONS = {
    "collectifs": ("name", ("description",)),
    "voyages": ("title", ("learnt",)),
    "temps_reflexifs": ("title", ("what_worked", "what_did_not", "decisions")),
}


class DemoFileError(ValueError):
    """A demo file that does not follow the format; the message names the file and the place."""


def demo_files() -> list[Path]:
    return sorted(DATA_DIR.glob("*.yaml"))


@dataclass
class SourceRef:
    url: str
    title: str
    publisher: str
    label: str
    published: date | None


def as_partial_date(value: Any, where: str) -> tuple[date, str] | None:
    """YAML gives ints for « 2014 » and dates for unquoted « 2014-10-07 »: accept all three."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value, Precision.DAY
    try:
        return parse_partial_date(str(value))
    except PartialDateError as exc:
        raise DemoFileError(f"{where} : {exc}") from None


class TownFile:
    """One town's file, read and checked; `errors` lists every problem found."""

    def __init__(self, path: Path):
        self.path = path
        self.errors: list[str] = []
        try:
            self.doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise DemoFileError(f"{path.name} : YAML illisible ({exc})") from None
        if self.doc.get("format") != FORMAT:
            raise DemoFileError(f"{path.name} : « format: {FORMAT} » attendu en tête du fichier.")
        self.territoire = self.doc.get("espace", {}).get("territoire", {})
        self.sources = self._read_sources()
        self._check()

    @property
    def name(self) -> str:
        return str(self.territoire.get("name", self.path.stem))

    def items(self, section: str) -> list[dict]:
        return list(self.doc.get(section) or [])

    def _error(self, where: str, message: str) -> None:
        self.errors.append(f"{self.path.name}, {where} : {message}")

    def _read_sources(self) -> dict[str, SourceRef]:
        sources: dict[str, SourceRef] = {}
        for row in self.items("sources"):
            key = str(row.get("key", ""))
            url = str(row.get("url", ""))
            if not key or key in sources:
                self._error(f"source {key!r}", "clé absente ou répétée")
            if not url.startswith(("http://", "https://")):
                self._error(f"source {key}", "l'adresse doit commencer par http:// ou https://")
            published = as_partial_date(row.get("published"), f"{self.path.name}, source {key}")
            sources[key] = SourceRef(
                url=url,
                title=str(row.get("title", "")),
                publisher=str(row.get("publisher", "")),
                label=str(row.get("label") or row.get("publisher") or row.get("title", "")),
                # A DateField holds a day: a publication known only to the month is not stored.
                published=published[0] if published and published[1] == Precision.DAY else None,
            )
            if not sources[key].title:
                self._error(f"source {key}", "titre manquant")
        return sources

    def _check_sources(self, where: str, keys: Any) -> None:
        if not keys:
            self._error(where, "au moins une source est exigée")
        for key in keys or []:
            if key not in self.sources:
                self._error(where, f"source inconnue {key}")

    def _check_text(self, where: str, text: str) -> None:
        for match in _CITATION.finditer(text or ""):
            names = [name.strip() for name in match.group(1).split(",")]
            known = [name in self.sources for name in names]
            suspicious = [n for n in names if _LOOKS_LIKE_KEY.match(n) and n not in self.sources]
            if (any(known) and not all(known)) or suspicious:
                self._error(where, f"citation inconnue « {match.group(0)} »")
        rendered = self.render(text or "")
        for key in _BARE_KEY.findall(rendered):
            self._error(where, f"clé de source « {key} » hors d'une citation")

    def _check_choice(self, where: str, value: Any, choices: list[str]) -> None:
        if value not in choices:
            self._error(where, f"« {value} » n'est pas dans {', '.join(choices)}")

    def _check(self) -> None:
        for phase in self.items("phases"):
            where = f"phase « {phase.get('name')} »"
            self._check_sources(where, phase.get("sources"))
            self._check_text(where, phase.get("description", ""))
            if as_partial_date(phase.get("start"), where) is None:
                self._error(where, "début manquant")
        keys = set()
        for action in self.items("actions"):
            where = f"action « {action.get('key')} »"
            if not action.get("key") or action["key"] in keys:
                self._error(where, "clé absente ou répétée")
            keys.add(action.get("key"))
            self._check_sources(where, action.get("sources"))
            self._check_choice(where, action.get("status"), Status.values)
            self._check_choice(where, action.get("scale"), Scale.values)
            for theme in action.get("themes") or []:
                self._check_choice(where, theme, Theme.values)
            for section, text in (action.get("recit") or {}).items():
                if section not in RECIT_KEYS:
                    self._error(where, f"section de récit inconnue « {section} »")
                self._check_text(where, text)
            self._check_text(where, action.get("summary", ""))
            for link in action.get("balises") or []:
                if not str(link.get("justification", "")).strip():
                    self._error(where, f"justification manquante pour {link.get('element')}")
                self._check_text(where, link.get("justification", ""))
            self._check_divergences(where, action.get("divergences"))
        for section, kind_field, choices in (
            ("events", "kind", EventKind.values),
            ("sauts", None, None),
        ):
            for row in self.items(section):
                where = f"{section} « {row.get('title')} »"
                self._check_sources(where, row.get("sources"))
                self._check_text(where, row.get("description", ""))
                if as_partial_date(row.get("date"), where) is None:
                    self._error(where, "date manquante")
                if kind_field and choices:
                    self._check_choice(where, row.get(kind_field), choices)
                for widened in row.get("widened") or []:
                    self._check_choice(where, widened, Widening.values)
                for key in row.get("actions") or []:
                    if key not in keys:
                        self._error(where, f"action inconnue {key}")
        for link in self.items("liens"):
            where = f"lien {link.get('from')} → {link.get('to')}"
            self._check_choice(where, link.get("kind"), LinkKind.values)
            self._check_text(where, link.get("note", ""))
            if link.get("from") not in keys or link.get("to") not in keys:
                self._error(where, "action inconnue")
            if link.get("from") == link.get("to"):
                self._error(where, "une action ne peut pas être liée à elle-même")
        self._check_cooperation()
        self._check_dispositifs(keys)

    def _check_divergences(self, where: str, divergences: Any) -> None:
        """Where sources disagree, each figure keeps its own sources: none is silently picked."""
        for row in divergences or []:
            here = f"{where}, divergence « {row.get('sujet')} »"
            if not str(row.get("sujet", "")).strip():
                self._error(here, "sujet manquant")
            if row.get("section", "realisation") not in RECIT_KEYS:
                self._error(here, f"section de récit inconnue « {row.get('section')} »")
            values = row.get("valeurs") or []
            if len(values) < 2:
                self._error(here, "au moins deux valeurs, chacune avec ses sources")
            for value in values:
                if not str(value.get("valeur", "")).strip():
                    self._error(here, "valeur manquante")
                self._check_sources(here, value.get("sources"))
            self._check_text(here, row.get("note", ""))

    def _check_dispositifs(self, action_keys: set) -> None:
        """Clubs, visits and reflexive sessions: each text cites its sources and says which
        part is our reading."""
        section = self.doc.get("dispositifs") or {}
        for name in section:
            if name not in DISPOSITIF_SECTIONS:
                self._error("dispositifs", f"rubrique inconnue « {name} »")
        cooperation = self.doc.get("cooperation") or {}
        acteurs = {row.get("name") for row in cooperation.get("acteurs") or []}
        for name, (title_field, text_fields) in DISPOSITIF_SECTIONS.items():
            for row in section.get(name) or []:
                where = f"{name} « {row.get(title_field)} »"
                if not str(row.get(title_field, "")).strip():
                    self._error(where, "titre manquant")
                texts = " ".join(str(row.get(field) or "") for field in text_fields)
                for field in text_fields:
                    self._check_text(where, str(row.get(field) or ""))
                if not self.cited_keys(texts):
                    self._error(where, "le texte doit citer au moins une source")
                if "notre lecture" not in texts.lower():
                    self._error(where, "le texte doit dire ce qui est notre lecture")
                if name != "collectifs":
                    parsed = as_partial_date(row.get("date"), where)
                    if parsed is None or parsed[1] != Precision.DAY:
                        self._error(where, "date au jour près exigée")
                for person in row.get("participants") or row.get("members") or []:
                    if person not in acteurs:
                        self._error(where, f"acteur inconnu « {person} »")
                for key in row.get("actions") or []:
                    if key not in action_keys:
                        self._error(where, f"action inconnue {key}")

    def _check_cooperation(self) -> None:
        """Who took part and gave what: each link says in its comment where the fact comes from."""
        section = self.doc.get("cooperation") or {}
        titles = {str(action.get("title")) for action in self.items("actions")}
        names = set()
        for acteur in section.get("acteurs") or []:
            where = f"acteur « {acteur.get('name')} »"
            self._check_choice(where, acteur.get("kind"), ActeurKind.values)
            if acteur.get("kind") == ActeurKind.HABITANT and not acteur.get("is_group"):
                # The demo holds no personal data: inhabitants appear only as groups.
                self._error(where, "un habitant de la démonstration est toujours un groupe")
            self._check_text(where, acteur.get("description", ""))
            names.add(acteur.get("name"))
        for part, fields in (
            ("participations", (("level", Level.values), ("role", ParticipationRole.values))),
            ("contributions", (("nature", Nature.values), ("unit", Unit.values))),
        ):
            for row in section.get(part) or []:
                where = f"{part} « {row.get('acteur')} » → « {row.get('action')} »"
                if row.get("acteur") not in names:
                    self._error(where, "acteur inconnu")
                if row.get("action") not in titles:
                    self._error(where, "action inconnue (le titre doit être celui d'une action)")
                for name, choices in fields:
                    self._check_choice(where, row.get(name), choices)
                comment = str(row.get("comment") or "")
                self._check_text(where, comment)
                if not self.cited_keys(comment):
                    self._error(where, "le commentaire doit citer au moins une source")

    def cited_keys(self, text: str) -> list[str]:
        """The source keys cited in ``text``."""
        keys = []
        for match in _CITATION.finditer(text or ""):
            names = [name.strip() for name in match.group(1).split(",")]
            if all(name in self.sources for name in names):
                keys.extend(names)
        return keys

    def element_codes(self) -> set[str]:
        return {
            str(link.get("element"))
            for action in self.items("actions")
            for link in action.get("balises") or []
        }

    def divergence_markdown(self, row: dict) -> str:
        """A divergence as a quoted paragraph of a récit: each figure with its sources."""
        parts = []
        for value in row.get("valeurs") or []:
            refs = [self.sources[key] for key in value.get("sources") or []]
            cited = " ; ".join(f"[{ref.label}]({ref.url})" for ref in refs)
            parts.append(f"{str(value['valeur']).strip()} selon {cited}")
        subject = str(row["sujet"]).strip()
        text = f"> **Les sources divergent : {subject}.** " + " ; ".join(parts) + "."
        note = self.render(str(row.get("note") or ""), markdown=True)
        return f"{text} {note}".rstrip()

    def render(self, text: str, markdown: bool = False, urls: bool = False) -> str:
        """Replace citations by the sources' labels (as Markdown links in récit sections,
        followed by their address with ``urls``, for plain-text comments)."""

        def replace(match: re.Match) -> str:
            names = [name.strip() for name in match.group(1).split(",")]
            if not all(name in self.sources for name in names):
                return match.group(0)
            refs = [self.sources[name] for name in names]
            if markdown:
                parts = [f"[{ref.label}]({ref.url})" for ref in refs]
            elif urls:
                parts = [f"{ref.label}, {ref.url}" for ref in refs]
            else:
                parts = [ref.label for ref in refs]
            return "(" + " ; ".join(parts) + ")"

        return _CITATION.sub(replace, (text or "").strip())
