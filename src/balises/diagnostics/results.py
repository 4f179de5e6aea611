"""Results of a campaign, loaded in a fixed number of queries whatever the number of
respondents, then computed by the pure functions of ``scoring``.

Aggregated levels are shown to whoever may see the results; the answers themselves (names,
justifications, evidence) only when ``details`` is True (members of the space). The level
suggested from the evidence reads only the actions the viewer may see.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from django.db.models import BooleanField, ExpressionWrapper, Q

from balises.diagnostics import scoring
from balises.diagnostics.models import (
    AnswerStatus,
    Appreciation,
    Campagne,
    CampagneStatus,
    Viewpoint,
)
from balises.diagnostics.policies import CAMPAGNE
from balises.referentiels.models import Element, Lien, MaturityLevel
from balises.trajectoires.models import Action, ActionElement

if TYPE_CHECKING:
    from balises.espaces.permissions import AnyUser

DISPOSITIF_KIND = "dispositif"


class Row(NamedTuple):
    """A submitted answer as read from the database (field names of ``values_list``)."""

    pk: int
    element_id: int
    level: int | None
    dont_know: bool
    justification: str
    repondant_id: int
    viewpoint: str
    name: str


ROW_FIELDS = [*Row._fields[:-2], "repondant__viewpoint", "repondant__name"]


@dataclass
class Answer:
    name: str
    viewpoint: str
    level: int | None
    dont_know: bool
    justification: str
    evidence: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class ElementResult:
    element: Element
    theme: Element | None
    medians: dict[str, float]
    consensus: float | None
    spread: float
    divergent: bool
    answer_count: int
    evidence_count: int
    suggested: int
    previous: float | None = None
    evolution: float | None = None
    answers: list[Answer] = field(default_factory=list)


@dataclass
class CampaignResults:
    campagne: Campagne
    scale: list[MaturityLevel]
    elements: list[ElementResult]
    viewpoints: list[tuple[str, str]]  # (code, label) of viewpoints with answers
    respondents: dict[str, int]  # viewpoint → respondents with at least one submitted answer
    previous: Campagne | None
    details: bool

    @property
    def top(self) -> int:
        return max((level.level for level in self.scale), default=4)

    @property
    def divergences(self) -> list[ElementResult]:
        return [row for row in self.elements if row.divergent]

    @property
    def without_evidence(self) -> list[ElementResult]:
        return [row for row in self.elements if row.answer_count and not row.evidence_count]


def previous_campagne(user: AnyUser, campagne: Campagne) -> Campagne | None:
    """The latest earlier campaign of the space on the same référentiel (any version)."""

    return (
        CAMPAGNE.visible(user, campagne.espace)
        .filter(referentiel__slug=campagne.referentiel.slug, starts_on__lt=campagne.starts_on)
        .exclude(status=CampagneStatus.DRAFT)
        .order_by("-starts_on", "-pk")
        .first()
    )


def consensus_by_key(campagne_ids: list[int]) -> dict[int, dict[str, float | None]]:
    """campaign id → element key → consensus, in one query."""
    rows = Appreciation.objects.filter(
        repondant__campagne_id__in=campagne_ids, status=AnswerStatus.SUBMITTED
    ).values_list("repondant__campagne_id", "element__key", "repondant__viewpoint", "level")
    grouped: dict[int, dict[str, list[tuple[str, int | None]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for campagne_id, key, viewpoint, level in rows:
        grouped[campagne_id][key].append((viewpoint, level))
    return {
        campagne_id: {
            key: scoring.consensus(scoring.viewpoint_medians(pairs))
            for key, pairs in by_key.items()
        }
        for campagne_id, by_key in grouped.items()
    }


def suggestions(user: AnyUser, campagne: Campagne, elements: list[Element], top: int) -> dict:
    """element id → level suggested from the actions of the space the user may see."""
    element_ids = [element.pk for element in elements]
    serving = defaultdict(set)  # dispositif id → element ids it serves
    for source_id, target_id in Lien.objects.filter(
        kind=Lien.Kind.SERVES, target_id__in=element_ids, source__kind__code=DISPOSITIF_KIND
    ).values_list("source_id", "target_id"):
        serving[source_id].add(target_id)
    actions = Action.objects.visible_to(user).filter(espace_id=campagne.espace_id)
    links = (
        ActionElement.objects.filter(action__in=actions, element_id__in=[*element_ids, *serving])
        .annotate(
            evaluated=ExpressionWrapper(
                ~Q(action__recit_effets="") & ~Q(action__recit_enseignements=""),
                output_field=BooleanField(),
            )
        )
        .values_list("action_id", "element_id", "action__status", "evaluated")
    )
    assessed = set(element_ids)
    evidence: dict[int, dict[int, scoring.Evidence]] = defaultdict(dict)
    for action_id, element_id, status, evaluated in links:
        # A dispositif may itself be assessed: it then counts for itself and what it serves.
        targets = serving.get(element_id, set()) | ({element_id} & assessed)
        for target in targets:
            known = evidence[target].get(action_id)
            evidence[target][action_id] = scoring.Evidence(
                status=status,
                direct=(known.direct if known else False) or element_id == target,
                through_dispositif=(known.through_dispositif if known else False)
                or element_id != target,
                evaluated=bool(evaluated),
            )
    return {pk: scoring.suggested_level(list(evidence[pk].values()), top=top) for pk in element_ids}


def campaign_results(user: AnyUser, campagne: Campagne, details: bool) -> CampaignResults:
    elements = list(campagne.elements.select_related("parent").order_by("position"))
    scale = list(campagne.referentiel.maturity_levels.all())
    top = max((level.level for level in scale), default=4)
    # Plain rows rather than model instances: 690 answers would cost more to build than to read.
    appreciations = [
        Row(*values)
        for values in Appreciation.objects.filter(
            repondant__campagne=campagne, status=AnswerStatus.SUBMITTED
        ).values_list(*ROW_FIELDS)
    ]
    evidence: dict[int, list[tuple[int, str]]] = defaultdict(list)
    through = Appreciation.evidence.through.objects.filter(
        appreciation__repondant__campagne=campagne,
        appreciation__status=AnswerStatus.SUBMITTED,
    ).values_list("appreciation_id", "action_id", "action__title")
    for appreciation_id, action_id, title in through:
        evidence[appreciation_id].append((action_id, title))
    by_element: dict[int, list[Row]] = defaultdict(list)
    respondents: dict[str, set[int]] = defaultdict(set)
    for appreciation in appreciations:
        by_element[appreciation.element_id].append(appreciation)
        respondents[appreciation.viewpoint].add(appreciation.repondant_id)
    previous = previous_campagne(user, campagne)
    before = consensus_by_key([previous.pk]).get(previous.pk, {}) if previous else {}
    suggested = suggestions(user, campagne, elements, top)
    # Translated once: a label per answer would cost a translation lookup each.
    labels = {code: str(label) for code, label in Viewpoint.choices}
    rows = []
    for element in elements:
        answers = by_element.get(element.pk, [])
        medians = scoring.viewpoint_medians((a.viewpoint, a.level) for a in answers)
        current = scoring.consensus(medians)
        earlier = before.get(element.key)
        rows.append(
            ElementResult(
                element=element,
                theme=element.parent,
                medians=medians,
                consensus=current,
                spread=scoring.spread(medians),
                divergent=scoring.is_divergent(medians),
                answer_count=len(answers),
                evidence_count=sum(len(evidence[a.pk]) for a in answers),
                suggested=suggested[element.pk],
                previous=earlier,
                evolution=scoring.evolution(earlier, current),
                answers=[_answer(a, evidence[a.pk], labels) for a in answers] if details else [],
            )
        )
    present = [(code, str(label)) for code, label in Viewpoint.choices if code in respondents]
    counts = {code: len(respondents[code]) for code, _label in present}
    return CampaignResults(campagne, scale, rows, present, counts, previous, details)


def _answer(row: Row, evidence: list[tuple[int, str]], labels: dict[str, str]) -> Answer:
    return Answer(
        name=row.name,
        viewpoint=labels.get(row.viewpoint, row.viewpoint),
        level=row.level,
        dont_know=row.dont_know,
        justification=row.justification,
        evidence=evidence,
    )
