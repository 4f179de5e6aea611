"""Demo data: the four pilot towns of the Villes pairs référentiel, true and sourced.

Each file ``data/<town>.yaml`` describes one town's space. Every fact comes from a public
document listed under ``sources``; what is our own reading (links to balises, phases, systemic
leaps, links between actions) says so in its text, and links to balises are stored with
``is_interpretation=True``. Format ``balises-demo/1``:

    format: balises-demo/1
    espace:
      territoire: {kind: commune, code: "62528", name: "Loos-en-Gohelle"}   # name is checked
    sources:                       # the documents the facts come from
      - key: S15                   # cited in texts as (S15) or (S15, S16)
        url: "https://…"           # required, http(s)
        title: "…"                 # required (a descriptive title)
        publisher: "…"
        label: "…"                 # short name shown where cited; defaults to publisher
        published: "2021-05-10"   # optional; stored only when known to the day
    phases:   [{name, start, end?, description, sources: [keys]}]
    actions:
      - key: eglise-pv             # local key used by events, leaps and links
        title, summary
        status: idee | preparation | en_cours | realisee | pause | abandonnee
        start, end                 # optional partial dates (see below)
        themes: [energie, …]       # codes of models.choices.Theme
        scale: commune             # a code of models.choices.Scale
        recit: {contexte, declencheur, realisation, obstacles, tournants, effets,
                enseignements}     # Markdown, in our own words, only what the sources say
        sources: [keys]            # at least one
        balises: [{element: "H2-B2", justification: "Notre lecture : …"}]
    events: [{title, kind, date, description, actions: [keys], sources: [keys]}]
    sauts:  [{title, date, widened: [acteurs|echelle|enjeux|modele_economique],
              description, actions: [keys], sources: [keys]}]
    liens:  [{from: key, to: key, kind: entraine|s_appuie_sur|elargit|prolonge, note}]
    # On an action, where sources disagree (a year, an amount, a percentage): each figure
    # with its own sources, shown as a quoted paragraph « Les sources divergent » at the end
    # of the récit section named (default: realisation). No figure is picked silently.
    #   divergences: [{sujet, section?, valeurs: [{valeur, sources: [keys]}], note?}]
    cooperation:                   # optional; the format of balises.cooperation's loader
      acteurs: [{name, kind, organisation, delegation, is_group, description}]
      participations: [{acteur: name, action: title, level, role, comment}]
      contributions:  [{acteur: name, action: title, nature, amount, unit, period, comment}]
    dispositifs:                   # optional; cooperation's clubs, visits, reflexive sessions
      collectifs:      [{name, themes, description, members: [acteur names]}]
      voyages:         [{title, territoire?: {kind, code}, destination?, date (day),
                         participants: [acteur names], learnt, actions: [keys]}]
      temps_reflexifs: [{title, date (day), participants, what_worked, what_did_not,
                         decisions, actions: [keys], balises: [codes]}]
      # their texts cite at least one source and say what is our reading

Dates are quoted strings: "2014" (year), "2014-10" (month) or "2014-10-07" (day); the stored
precision follows. Citations in texts are rewritten when loading: as Markdown links in récit
sections, as the sources' short labels elsewhere, so a reader sees where each fact comes from.

Every participation and contribution comment cites at least one source; citations there become
the source's label followed by its address, since comments are plain text. Inhabitants appear
only as groups (``habitant`` actors with ``is_group: true``, refused otherwise), named as the
public sources name them: no personal data, so their name and sourced texts stay visible. An
amount is given only when a source states it; a level or role is our reading and says so.

``status`` says what the sources reported at their date (« réalisée »: it was done), not
whether the action still runs today.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from balises.core.errors import ServiceError
from balises.espaces.models import Espace, Visibility
from balises.espaces.services import delete_espace
from balises.referentiels.models import Element, Referentiel
from balises.territoires.models import Territoire
from balises.trajectoires.models import (
    Action,
    ActionElement,
    Evenement,
    LienAction,
    Phase,
    SautSystemique,
    Source,
)
from balises.trajectoires.services.actions import index_action

from .cooperation import load_town_cooperation, load_town_dispositifs
from .files import RECIT_KEYS, DemoFileError, TownFile, as_partial_date, demo_files

CHANGE_REASON = "données de démonstration"
REFERENTIEL_SLUG = "villes-pairs"
PUBLIC = Visibility.PUBLIC


class DemoError(ServiceError):
    """The demo cannot be loaded; nothing was written."""


@dataclass
class DemoReport:
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n


def read_towns() -> list[TownFile]:
    towns = [TownFile(path) for path in demo_files()]
    errors = [error for town in towns for error in town.errors]
    if errors:
        raise DemoFileError("\n".join(errors))
    return towns


def demo_referentiel() -> Referentiel | None:
    return (
        Referentiel.objects.filter(slug=REFERENTIEL_SLUG)
        .order_by("-is_builtin", "-date", "-created_at")
        .first()
    )


def _save(obj, **kwargs) -> Any:
    obj._change_reason = CHANGE_REASON
    obj._history_user = None
    obj.save(**kwargs)
    return obj


def _territoire(town: TownFile) -> Territoire:
    ident = town.territoire
    territoire = Territoire.objects.filter(
        kind=ident.get("kind"), code=str(ident.get("code"))
    ).first()
    if territoire is None:
        raise DemoError(
            f"Territoire introuvable : {ident.get('kind')} {ident.get('code')} ({town.name}). "
            "Chargez d'abord les territoires nationaux."
        )
    if territoire.name != town.name:
        raise DemoError(
            f"Le territoire {territoire.uid} s'appelle « {territoire.name} », "
            f"pas « {town.name} » : le fichier {town.path.name} ne correspond pas."
        )
    return territoire


def _dates(row: dict, key: str, where: str) -> tuple[Any, str]:
    parsed = as_partial_date(row.get(key), where)
    return (parsed[0], parsed[1]) if parsed else (None, "year")


class _TownLoader:
    def __init__(self, town: TownFile, espace: Espace, elements: dict[str, Element], report):
        self.town, self.espace, self.elements, self.report = town, espace, elements, report
        self.sources: dict[str, Source] = {}
        self.actions: dict[str, Action] = {}

    def text(self, value: Any, markdown: bool = False) -> str:
        return self.town.render(str(value or ""), markdown=markdown)

    def set_m2m(self, obj, name: str, objects: list) -> None:
        # The instance still carries _change_reason: simple-history's « ~ » entry gets it too.
        getattr(obj, name).set(objects)

    def load(self) -> None:
        for key, ref in self.town.sources.items():
            self.sources[key] = _save(
                Source(
                    espace=self.espace,
                    url=ref.url,
                    title=ref.title,
                    publisher=ref.publisher,
                    published=ref.published,
                )
            )
        self.report.count("sources", len(self.sources))
        for row in self.town.items("actions"):
            self.load_action(row)
        for row in self.town.items("phases"):
            self.load_phase(row)
        for row in self.town.items("events"):
            self.load_dated(Evenement, row, kind=row["kind"], report_as="événements")
        for row in self.town.items("sauts"):
            self.load_dated(
                SautSystemique, row, widened=row.get("widened") or [], report_as="sauts"
            )
        for row in self.town.items("liens"):
            _save(
                LienAction(
                    source=self.actions[row["from"]],
                    target=self.actions[row["to"]],
                    kind=row["kind"],
                    note=self.text(row.get("note")),
                )
            )
            self.report.count("liens")
        self.load_cooperation()

    def load_cooperation(self) -> None:
        try:
            counts = load_town_cooperation(self.town, self.espace, CHANGE_REASON)
            counts.update(
                load_town_dispositifs(self.town, self.espace, self.actions, CHANGE_REASON)
            )
        except ValidationError as error:
            message = " ".join(error.messages)
            raise DemoError(f"{self.town.path.name}, coopération : {message}") from None
        for what, n in counts.items():
            if n:
                self.report.count(what, n)

    def load_action(self, row: dict) -> None:
        where = f"{self.town.path.name}, action {row['key']}"
        start, start_precision = _dates(row, "start", where)
        end, end_precision = _dates(row, "end", where)
        # CodesField takes a list, which the CharField stubs do not know: pass it with the récit.
        fields: dict[str, Any] = {"themes": list(row.get("themes") or [])}
        for section, value in (row.get("recit") or {}).items():
            fields[RECIT_KEYS[section]] = self.text(value, markdown=True)
        for divergence in row.get("divergences") or []:
            # Shown where the figure is told, in the action's récit: no figure picked silently.
            name = RECIT_KEYS[divergence.get("section", "realisation")]
            block = self.town.divergence_markdown(divergence)
            fields[name] = f"{fields.get(name, '')}\n\n{block}".strip()
            self.report.count("divergences")
        action = _save(
            Action(
                espace=self.espace,
                visibility=PUBLIC,
                title=row["title"],
                summary=self.text(row.get("summary")),
                status=row["status"],
                start=start,
                start_precision=start_precision,
                end=end,
                end_precision=end_precision,
                scale=row["scale"],
                **fields,
            )
        )
        self.set_m2m(action, "sources", [self.sources[key] for key in row["sources"]])
        index_action(action)
        self.actions[row["key"]] = action
        self.report.count("actions")
        for link in row.get("balises") or []:
            element = self.elements.get(str(link["element"]))
            if element is None:
                raise DemoError(f"{where} : élément {link['element']} absent du référentiel.")
            _save(
                ActionElement(
                    action=action,
                    element=element,
                    justification=self.text(link["justification"]),
                    is_interpretation=True,
                )
            )
            self.report.count("liens aux balises")

    def load_phase(self, row: dict) -> None:
        where = f"{self.town.path.name}, phase {row['name']}"
        start, _precision = _dates(row, "start", where)
        end, _precision = _dates(row, "end", where)
        if end is not None:
            # A phase ending in « 1999 » runs to the end of that year.
            end = end.replace(month=12, day=31) if _precision == "year" else end
        phase = _save(
            Phase(
                espace=self.espace,
                visibility=PUBLIC,
                name=row["name"],
                start=start,
                end=end,
                description=self.text(row.get("description")),
            )
        )
        self.set_m2m(phase, "sources", [self.sources[key] for key in row["sources"]])
        self.report.count("phases")

    def load_dated(self, model, row: dict, report_as: str, **extra) -> None:
        where = f"{self.town.path.name}, {row['title']}"
        when, precision = _dates(row, "date", where)
        obj = _save(
            model(
                espace=self.espace,
                visibility=PUBLIC,
                title=row["title"],
                date=when,
                date_precision=precision,
                description=self.text(row.get("description")),
                **extra,
            )
        )
        self.set_m2m(obj, "actions", [self.actions[key] for key in row.get("actions") or []])
        self.set_m2m(obj, "sources", [self.sources[key] for key in row["sources"]])
        self.report.count(report_as)


def _open_demo_espace(territoire: Territoire) -> Espace:
    # Never « vérifié »: that badge says staff confirmed a real team of the territory.
    return _save(
        Espace(
            territoire=territoire,
            slug=Espace.slug_for(territoire),
            created_by=None,
            is_demo=True,
            is_verified=False,
            default_visibility=PUBLIC,
        )
    )


def _unverify_old_demo_spaces() -> None:
    """Demo spaces loaded by an earlier version were marked verified: take the mark off."""
    for espace in Espace.objects.filter(is_demo=True, is_verified=True):
        espace.is_verified = False
        espace.verified_at = None
        espace.verified_by = None
        _save(espace)


def load_demo(stdout=None) -> DemoReport:
    """Load every town not loaded yet, all in one transaction; returns what was done.

    A town whose territory already has a space is skipped: its demo space was loaded before,
    or a real team runs that space and the demo must not touch it.
    """
    towns = read_towns()
    referentiel = demo_referentiel()
    if referentiel is None:
        raise DemoError(
            "Le référentiel « Villes pairs » n'est pas chargé : lancez d'abord « balises setup »."
        )
    elements = {element.code: element for element in referentiel.elements.all()}
    report = DemoReport()
    with transaction.atomic():
        _unverify_old_demo_spaces()
        for town in towns:
            territoire = _territoire(town)
            existing = Espace.objects.filter(territoire=territoire).first()
            if existing is not None:
                why = "déjà chargé" if existing.is_demo else "un espace réel existe déjà"
                report.skipped.append(f"{town.name} ({why})")
                continue
            espace = _open_demo_espace(territoire)
            _TownLoader(town, espace, elements, report).load()
            report.loaded.append(town.name)
    if stdout is not None:
        for line in report_lines(report):
            stdout.write(line)
    return report


def report_lines(report: DemoReport) -> list[str]:
    lines = []
    if report.loaded:
        counts = ", ".join(f"{n} {what}" for what, n in report.counts.items())
        lines.append(f"Démonstration chargée : {', '.join(report.loaded)} ({counts}).")
    if report.skipped:
        lines.append(f"Démonstration ignorée : {', '.join(report.skipped)}.")
    return lines


def demo_espaces():
    return Espace.objects.filter(is_demo=True).select_related("territoire")


@transaction.atomic
def retire_demo_espace(espace: Espace, author=None, reason: str = CHANGE_REASON) -> None:
    """Delete one demo space with everything it holds (a real space is never touched)."""
    if not espace.is_demo:
        raise DemoError(f"L'espace {espace.name} n'est pas une démonstration.")
    # Search documents and cached metrics go with the space (trajectoires.signals).
    delete_espace(espace, author, reason)


@transaction.atomic
def remove_demo(stdout=None) -> list[str]:
    """Delete every demo space with everything it holds; returns the names removed."""
    removed = []
    for espace in demo_espaces():
        removed.append(espace.name)
        retire_demo_espace(espace)
    if stdout is not None:
        stdout.write(
            f"Démonstration supprimée : {', '.join(removed)}."
            if removed
            else "Aucune donnée de démonstration à supprimer."
        )
    return removed


@transaction.atomic
def reload_demo(stdout=None) -> DemoReport:
    """Remove the demo spaces and load them again from the files (after a correction)."""
    remove_demo(stdout=stdout)
    return load_demo(stdout=stdout)


def demo_status() -> list[dict[str, Any]]:
    """Per demo space: its name, address and how many records it holds."""
    rows = []
    for espace in demo_espaces():
        rows.append(
            {
                "name": espace.name,
                "slug": espace.slug,
                "actions": Action.objects.filter(espace=espace).count(),
                "evenements": Evenement.objects.filter(espace=espace).count(),
                "phases": Phase.objects.filter(espace=espace).count(),
                "sauts": SautSystemique.objects.filter(espace=espace).count(),
                "sources": Source.objects.filter(espace=espace).count(),
            }
        )
    return rows


def should_seed() -> bool:
    """Seed only into an empty database: no space at all yet, and the data the demo needs.

    A demo removed once is not brought back by the next `balises setup`: the history of
    spaces remembers that demo spaces existed (`balises demo load` reloads it on purpose).
    """
    if Espace.objects.exists() or Espace.history.filter(is_demo=True).exists():
        return False
    if demo_referentiel() is None:
        return False
    for town in read_towns():
        ident = town.territoire
        wanted = Territoire.objects.filter(kind=ident.get("kind"), code=str(ident.get("code")))
        if not wanted.exists():
            return False
    return True
