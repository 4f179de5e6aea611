"""Forms of trajectories. They check the shape of what people type; the rules of the domain
(end after start, links, versions) are the services' and come back as form errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from balises.espaces.models import Visibility
from balises.trajectoires.fields import PartialDateField, partial_initial
from balises.trajectoires.models import (
    RECIT_SECTIONS,
    Action,
    EventKind,
    LinkKind,
    Scale,
    Status,
    Theme,
    Widening,
)

RECIT_HELP = _("En Markdown : **gras**, *italique*, listes avec « - », liens [texte](https://…).")


def _visibility_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Visibilité"),
        choices=Visibility.choices,
        help_text=_("Privé : les membres ; réseau : toute personne connectée ; public : tous."),
    )


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Titre"), max_length=200)
    summary = forms.CharField(label=_("Résumé"), required=False, widget=forms.Textarea({"rows": 3}))
    status = forms.ChoiceField(label=_("Statut"), choices=Status.choices)
    start = PartialDateField(label=_("Début"), required=False)
    end = PartialDateField(label=_("Fin"), required=False)
    themes = forms.MultipleChoiceField(
        label=_("Thèmes"),
        choices=Theme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    scale = forms.ChoiceField(label=_("Échelle"), choices=Scale.choices)
    visibility = _visibility_field()
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in RECIT_SECTIONS:
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                # One help text for the seven sections, shown once above them.
                widget=forms.Textarea({"rows": 4, "aria-describedby": "recit-aide"}),
            )

    @classmethod
    def initial_for(cls, action: Action) -> dict:
        initial = {
            name: getattr(action, name)
            for name in ("title", "summary", "status", "themes", "scale", "visibility", "version")
        }
        initial["start"] = partial_initial(action.start, action.start_precision)
        initial["end"] = partial_initial(action.end, action.end_precision)
        for name, _label in RECIT_SECTIONS:
            initial[name] = getattr(action, name)
        return initial

    def recit_fields(self):
        return [self[name] for name, _label in RECIT_SECTIONS]

    def to_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("start", "end", "version")}
        for key in ("start", "end"):
            value = self.cleaned_data.get(key)
            data[key] = value[0] if value else None
            if value:
                data[f"{key}_precision"] = value[1]
        return data


class ActionFilterForm(forms.Form):
    q = forms.CharField(label=_("Texte"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Statut"), required=False, choices=[("", _("tous")), *Status.choices]
    )
    theme = forms.ChoiceField(
        label=_("Thème"), required=False, choices=[("", _("tous")), *Theme.choices]
    )
    since = forms.IntegerField(
        label=_("Depuis (année)"), required=False, min_value=1000, max_value=9999
    )
    until = forms.IntegerField(
        label=_("Jusqu'à (année)"), required=False, min_value=1000, max_value=9999
    )


class EvenementForm(forms.Form):
    title = forms.CharField(label=_("Titre"), max_length=200)
    kind = forms.ChoiceField(label=_("Nature"), choices=EventKind.choices)
    date = PartialDateField(label=_("Date"))
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea({"rows": 4})
    )
    actions = forms.ModelMultipleChoiceField(
        label=_("Actions qui l'ont saisi"),
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    visibility = _visibility_field()

    def __init__(self, *args, actions=None, **kwargs):
        super().__init__(*args, **kwargs)
        field: Any = self.fields["actions"]
        field.queryset = actions if actions is not None else Action.objects.none()

    @staticmethod
    def initial_for(record) -> dict:
        return {
            "title": record.title,
            "kind": record.kind,
            "date": partial_initial(record.date, record.date_precision),
            "description": record.description,
            "actions": list(record.actions.all()),
            "visibility": record.visibility,
        }

    def to_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["date"], data["date_precision"] = data.pop("date")
        return data


class PhaseForm(forms.Form):
    name = forms.CharField(label=_("Nom"), max_length=200)
    start = PartialDateField(label=_("Début"))
    end = PartialDateField(label=_("Fin"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea({"rows": 4})
    )
    visibility = _visibility_field()

    def __init__(self, *args, actions=None, **kwargs):
        # Same signature as the forms of events and leaps; a phase has no actions.
        super().__init__(*args, **kwargs)

    @staticmethod
    def initial_for(record) -> dict:
        return {
            "name": record.name,
            "start": partial_initial(record.start, "day"),
            "end": partial_initial(record.end, "day"),
            "description": record.description,
            "visibility": record.visibility,
        }

    def to_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["start"] = data["start"][0]
        data["end"] = data["end"][0] if data.get("end") else None
        return data


class SautForm(forms.Form):
    title = forms.CharField(label=_("Titre"), max_length=200)
    date = PartialDateField(label=_("Date"))
    widened = forms.MultipleChoiceField(
        label=_("Ce qui s'est élargi"),
        choices=Widening.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea({"rows": 4})
    )
    actions = forms.ModelMultipleChoiceField(
        label=_("Actions concernées"),
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    visibility = _visibility_field()

    def __init__(self, *args, actions=None, **kwargs):
        super().__init__(*args, **kwargs)
        field: Any = self.fields["actions"]
        field.queryset = actions if actions is not None else Action.objects.none()

    @staticmethod
    def initial_for(record) -> dict:
        return {
            "title": record.title,
            "date": partial_initial(record.date, record.date_precision),
            "widened": record.widened,
            "description": record.description,
            "actions": list(record.actions.all()),
            "visibility": record.visibility,
        }

    def to_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["date"], data["date_precision"] = data.pop("date")
        return data


class LienForm(forms.Form):
    kind = forms.ChoiceField(label=_("Nature du lien"), choices=LinkKind.choices)
    target = forms.IntegerField(label=_("Action liée"), widget=forms.Select)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].widget.choices = [(a.pk, a.title) for a in targets]


class ElementLinkForm(forms.Form):
    element = forms.IntegerField(label=_("Élément du référentiel"), widget=forms.Select)
    justification = forms.CharField(
        label=_("Justification"), required=False, widget=forms.Textarea({"rows": 2})
    )
    is_interpretation = forms.BooleanField(
        label=_("C'est notre lecture (une interprétation), pas ce que dit le territoire"),
        required=False,
    )

    def __init__(self, *args, elements=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["element"].widget.choices = elements


class SourceForm(forms.Form):
    url = forms.URLField(label=_("Adresse"), max_length=500, assume_scheme="https")
    title = forms.CharField(label=_("Titre"), max_length=300)
    published = PartialDateField(label=_("Date"), required=False)

    def to_data(self) -> dict:
        published = self.cleaned_data.get("published")
        return {
            "url": self.cleaned_data["url"],
            "title": self.cleaned_data["title"],
            "published": published[0] if published else None,
        }


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV ou XLSX"),
        help_text=_(
            "Le modèle à remplir est téléchargeable sur la page des actions (2 Mo au plus)."
        ),
    )
