"""What the answering page shows for one respondent: the elements with their forms, loaded in a
fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from balises.diagnostics.forms import DONT_KNOW, AnswerForm
from balises.diagnostics.models import Appreciation, Repondant
from balises.diagnostics.policies import evidence_actions
from balises.referentiels.models import Element, MaturityLevel
from balises.trajectoires.models import Action, ActionElement


@dataclass
class Item:
    element: Element
    form: AnswerForm
    appreciation: Appreciation | None
    linked: set[int]  # actions linked to this element: offered first


@dataclass
class Sheet:
    repondant: Repondant
    scale: list[MaturityLevel]
    actions: list[Action]
    items: list[Item]

    @property
    def answered(self) -> int:
        return sum(1 for item in self.items if item.appreciation and item.appreciation.is_answered)

    @property
    def drafts(self) -> int:
        return sum(
            1
            for item in self.items
            if item.appreciation
            and item.appreciation.is_answered
            and not item.appreciation.is_submitted
        )


def initial_of(appreciation: Appreciation | None, element: Element) -> dict:
    if appreciation is None:
        return {"element": element.pk}
    level = DONT_KNOW if appreciation.dont_know else appreciation.level
    return {
        "element": element.pk,
        "level": "" if level is None else str(level),
        "justification": appreciation.justification,
        "evidence": [action.pk for action in appreciation.evidence.all()],
    }


def make_form(sheet_scale, actions, element: Element, appreciation=None, data=None) -> AnswerForm:
    return AnswerForm(
        data,
        initial=initial_of(appreciation, element),
        scale=sheet_scale,
        actions=actions,
        auto_id=f"e{element.pk}-%s",
    )


def load_sheet(repondant: Repondant, bound: tuple[int, AnswerForm] | None = None) -> Sheet:
    campagne = repondant.campagne
    elements = list(campagne.elements.select_related("parent").order_by("position"))
    scale = list(campagne.referentiel.maturity_levels.all())
    actions = list(evidence_actions(repondant).order_by("title"))
    answers = {a.element_id: a for a in repondant.appreciations.prefetch_related("evidence")}
    linked: dict[int, set[int]] = defaultdict(set)
    for action_id, element_id in ActionElement.objects.filter(
        action__in=[a.pk for a in actions], element__in=elements
    ).values_list("action_id", "element_id"):
        linked[element_id].add(action_id)
    items = []
    for element in elements:
        appreciation = answers.get(element.pk)
        if bound and bound[0] == element.pk:
            form = bound[1]
        else:
            form = make_form(scale, actions, element, appreciation)
        items.append(Item(element, form, appreciation, linked[element.pk]))
    return Sheet(repondant, scale, actions, items)
