"""Forms of actors, participations and contributions, and the dashboard's filters."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from balises.cooperation.models import ActeurKind, InKind, Level, Nature, ParticipationRole, Unit
from balises.cooperation.services import parse_amount
from balises.cooperation.units import MEASURES
from balises.espaces.models import Visibility
from balises.trajectoires.models import Theme

MEASURE_LABELS = {"heures": _("heures"), "euros": _("euros"), "m2": _("m²"), "unites": _("unités")}


def _blank(choices) -> list:
    return [("", "—"), *choices]


class ActeurForm(forms.Form):
    kind = forms.ChoiceField(label=_("Nature"), choices=ActeurKind.choices)
    name = forms.CharField(label=_("Nom"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    delegation = forms.CharField(
        label=_("Délégation"),
        max_length=200,
        required=False,
        help_text=_("Pour un·e élu·e : « adjointe à la transition énergétique »…"),
    )
    parent: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Rattaché à"),
        queryset=None,
        required=False,
        help_text=_("Pour un service : sa direction."),
    )
    is_group = forms.BooleanField(label=_("Groupe (plusieurs personnes)"), required=False)
    consent_public = forms.BooleanField(
        label=_("La personne accepte que son nom soit visible hors de l'espace"),
        required=False,
        help_text=_(
            "Sans cet accord, un·e habitant·e apparaît comme « Habitant·e » hors de l'espace."
        ),
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    user: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Compte lié"), queryset=None, required=False, help_text=_("Un membre de l'espace.")
    )
    visibility = forms.ChoiceField(label=_("Visibilité"), choices=Visibility.choices)
    confirm_new = forms.BooleanField(
        label=_("Ce n'est aucun des acteurs proposés : créer quand même"), required=False
    )

    def __init__(self, *args, services=None, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = services
        self.fields["user"].queryset = members
        self.fields["user"].label_from_instance = lambda u: u.email

    def to_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "confirm_new"}

    @staticmethod
    def initial_for(acteur) -> dict:
        fields = ("kind", "name", "organisation", "delegation", "is_group", "consent_public")
        initial = {f: getattr(acteur, f) for f in fields}
        initial.update(
            description=acteur.description,
            visibility=acteur.visibility,
            parent=acteur.parent_id,
            user=acteur.user_id,
        )
        return initial


class ParticipationForm(forms.Form):
    action: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Action"), queryset=None)
    acteur: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Acteur"), queryset=None)
    level = forms.ChoiceField(
        label=_("Niveau de participation"),
        choices=Level.choices,
        help_text=_("De l'information à la co-production ou co-décision."),
    )
    role = forms.ChoiceField(label=_("Rôle"), choices=ParticipationRole.choices)
    since = forms.DateField(
        label=_("Depuis le"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Quand ce niveau a été atteint ; le début de l'action sinon."),
    )
    comment = forms.CharField(label=_("Commentaire"), widget=forms.Textarea, required=False)

    def __init__(self, *args, actions=None, acteurs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions
        self.fields["acteur"].queryset = acteurs

    def to_data(self) -> dict:
        return dict(self.cleaned_data)

    @staticmethod
    def initial_for(record) -> dict:
        fields = ("level", "role", "since", "comment")
        return {"action": record.action_id, "acteur": record.acteur_id} | {
            f: getattr(record, f) for f in fields
        }


def parse_period(value: str) -> tuple[date, str]:
    """« 2024 » → the year 2024, « 2024-03 » or « 03/2024 » → March 2024."""
    text = (value or "").strip()
    try:
        if text.isdigit() and len(text) == 4:
            return date(int(text), 1, 1), "year"
        if "/" in text:
            month, year = text.split("/")
        else:
            year, month = text.split("-")
        return date(int(year), int(month), 1), "month"
    except ValueError:
        raise ValidationError(
            _("Indiquez une année (2024) ou un mois (2024-03 ou 03/2024).")
        ) from None


class ContributionForm(forms.Form):
    action: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Action"), queryset=None)
    acteur: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Acteur"), queryset=None)
    nature = forms.ChoiceField(label=_("Nature"), choices=Nature.choices)
    in_kind = forms.ChoiceField(
        label=_("Apport en nature"),
        choices=_blank(InKind.choices),
        required=False,
        help_text=_("Seulement pour une contribution en nature."),
    )
    amount = forms.CharField(label=_("Montant"), max_length=30, help_text=_("Un nombre ≥ 0."))
    unit = forms.ChoiceField(
        label=_("Unité"),
        choices=Unit.choices,
        help_text=_("1 ETP sur une année = 1 607 heures ; sur un mois, 1 607 / 12 heures."),
    )
    period = forms.CharField(
        label=_("Période"),
        max_length=10,
        help_text=_("Une année (2024) ou un mois (2024-03)."),
    )
    comment = forms.CharField(label=_("Commentaire"), widget=forms.Textarea, required=False)

    def __init__(self, *args, actions=None, acteurs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions
        self.fields["acteur"].queryset = acteurs

    def clean_amount(self):
        try:
            return parse_amount(self.cleaned_data["amount"])
        except ValidationError as error:
            raise ValidationError(error.message_dict["amount"]) from None

    def clean_period(self):
        return parse_period(self.cleaned_data["period"])

    def to_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "period"}
        data["period_start"], data["period_kind"] = self.cleaned_data["period"]
        return data

    @staticmethod
    def initial_for(record) -> dict:
        period = (
            f"{record.period_start:%Y-%m}"
            if record.period_kind == "month"
            else f"{record.period_start:%Y}"
        )
        fields = ("nature", "in_kind", "unit", "comment")
        return {
            "action": record.action_id,
            "acteur": record.acteur_id,
            "amount": record.amount,
            "period": period,
        } | {f: getattr(record, f) for f in fields}


class MergeForm(forms.Form):
    absorb: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Acteur à fusionner dans celui-ci"),
        queryset=None,
        help_text=_(
            "Ses participations, contributions et son historique passent sur cette fiche ; "
            "il disparaît de la liste."
        ),
    )

    def __init__(self, *args, acteurs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["absorb"].queryset = acteurs


class DashboardFilterForm(forms.Form):
    year_from = forms.IntegerField(
        label=_("De l'année"), required=False, min_value=1900, max_value=2200
    )
    year_to = forms.IntegerField(
        label=_("À l'année"), required=False, min_value=1900, max_value=2200
    )
    theme = forms.ChoiceField(label=_("Thème"), choices=_blank(Theme.choices), required=False)
    phase: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Phase"), queryset=None, required=False
    )
    nature = forms.ChoiceField(label=_("Nature"), choices=_blank(Nature.choices), required=False)
    measure = forms.ChoiceField(
        label=_("Mesure du tableau"),
        choices=[(m, MEASURE_LABELS[m]) for m in MEASURES],
        required=False,
    )

    def __init__(self, *args, phases=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].queryset = phases

    def clean(self):
        data = super().clean()
        if data.get("year_from") and data.get("year_to") and data["year_from"] > data["year_to"]:
            raise ValidationError(_("L'année de début doit précéder l'année de fin."))
        return data
