"""Forms of clubs and collectives, their meetings, learning visits and reflexive sessions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from balises.espaces.models import Visibility
from balises.territoires.models import Territoire
from balises.trajectoires.models import Theme

DATE = forms.DateInput(attrs={"type": "date"})


def _multiple(label, required=False):
    return forms.ModelMultipleChoiceField(
        label=label, queryset=None, required=required, widget=forms.CheckboxSelectMultiple
    )


class RecordForm(forms.Form):
    """Base: choices of actors, actions and balises come from the space, through the views."""

    relations: dict[str, str] = {}

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        for field, source in self.relations.items():
            self.fields[field].queryset = (choices or {}).get(source)

    def to_data(self) -> dict:
        return dict(self.cleaned_data)

    @classmethod
    def initial_for(cls, record) -> dict:
        initial = {}
        for name, field in cls.base_fields.items():
            if name in cls.relations:
                initial[name] = list(getattr(record, name).values_list("pk", flat=True))
            elif isinstance(field, forms.ModelChoiceField):
                initial[name] = getattr(record, f"{name}_id")
            else:
                initial[name] = getattr(record, name)
        return initial


class CollectifForm(RecordForm):
    relations = {"members": "acteurs"}
    name = forms.CharField(label=_("Nom"), max_length=200)
    themes = forms.MultipleChoiceField(
        label=_("Thèmes"),
        choices=Theme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    members = _multiple(_("Membres"))
    visibility = forms.ChoiceField(label=_("Visibilité"), choices=Visibility.choices)


class ReunionForm(RecordForm):
    relations = {"participants": "acteurs"}
    date = forms.DateField(label=_("Date"), widget=DATE)
    subject = forms.CharField(label=_("Objet"), max_length=200)
    notes = forms.CharField(label=_("Compte rendu"), widget=forms.Textarea, required=False)
    participants = _multiple(_("Participants"))


class VoyageForm(RecordForm):
    relations = {"participants": "acteurs", "actions": "actions"}
    title = forms.CharField(label=_("Titre"), max_length=200)
    territoire = forms.ModelChoiceField(
        label=_("Territoire visité"),
        queryset=Territoire.objects.none(),
        required=False,
        widget=forms.NumberInput,
        help_text=_("Le numéro du territoire dans Balises (dans l'adresse de sa page)."),
    )
    destination = forms.CharField(
        label=_("Lieu visité"),
        max_length=200,
        required=False,
        help_text=_("Hors de France, par exemple."),
    )
    date = forms.DateField(label=_("Date"), widget=DATE)
    participants = _multiple(_("Participants"))
    learnt = forms.CharField(label=_("Ce qui a été appris"), widget=forms.Textarea, required=False)
    actions = _multiple(_("Actions inspirées"))
    visibility = forms.ChoiceField(label=_("Visibilité"), choices=Visibility.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territoire"].queryset = Territoire.objects.all()


class TempsReflexifForm(RecordForm):
    relations = {"participants": "acteurs", "actions": "actions", "balises": "balises"}
    title = forms.CharField(label=_("Titre"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DATE)
    participants = _multiple(_("Participants"))
    what_worked = forms.CharField(label=_("Ce qui a marché"), widget=forms.Textarea, required=False)
    what_did_not = forms.CharField(
        label=_("Ce qui n'a pas marché"), widget=forms.Textarea, required=False
    )
    decisions = forms.CharField(label=_("Décisions"), widget=forms.Textarea, required=False)
    actions = _multiple(_("Actions concernées"))
    balises = _multiple(_("Balises travaillées"))
    visibility = forms.ChoiceField(label=_("Visibilité"), choices=Visibility.choices)
