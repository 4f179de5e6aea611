"""Forms of the self-assessment pages. Services check the rules again: forms only parse."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from balises.core.models import User
from balises.diagnostics.models import Campagne, Viewpoint
from balises.referentiels.models import Element, MaturityLevel

DONT_KNOW = "nsp"


class CampagneForm(forms.ModelForm):
    class Meta:
        model = Campagne
        fields = ["title", "starts_on", "ends_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("La fin de la campagne précède son début."))
        return data


class ElementsForm(forms.Form):
    """Which elements to assess; all balises are ticked by default."""

    elements = forms.ModelMultipleChoiceField(
        queryset=Element.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Éléments à évaluer"),
        error_messages={"required": _("Choisissez au moins un élément à évaluer.")},
    )

    def __init__(self, *args, elements=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["elements"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = elements if elements is not None else Element.objects.none()
        field.label_from_instance = lambda element: f"{element.code} · {element.label}"


class MemberForm(forms.Form):
    member = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Membre de l'espace"))
    viewpoint = forms.ChoiceField(choices=Viewpoint.choices, label=_("Point de vue"))

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["member"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = members if members is not None else User.objects.none()
        field.label_from_instance = lambda user: f"{user.display_name} ({user.email})"


class OutsideForm(forms.Form):
    name = forms.CharField(label=_("Nom"), max_length=200)
    email = forms.EmailField(label=_("Adresse e-mail"))
    viewpoint = forms.ChoiceField(choices=Viewpoint.choices, label=_("Point de vue"))


class AnswerForm(forms.Form):
    """One element's answer. ``level`` holds a level of the scale or « nsp »."""

    element = forms.IntegerField(widget=forms.HiddenInput)
    level = forms.ChoiceField(
        label=_("Niveau"),
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _(
                "« %(value)s » n'est pas un niveau de l'échelle : choisissez l'un des niveaux "
                "proposés ou « je ne sais pas »."
            )
        },
    )
    justification = forms.CharField(
        label=_("Justification"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ce qui vous fait choisir ce niveau : des faits, des exemples."),
    )
    evidence = forms.TypedMultipleChoiceField(
        label=_("Actions qui en témoignent"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Une action citée en preuve n'est pas accessible : retirez-la.")
        },
    )

    def __init__(self, *args, scale: list[MaturityLevel], actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        level = self.fields["level"]
        assert isinstance(level, forms.ChoiceField)
        level.choices = [(str(m.level), f"{m.level} · {m.label}") for m in scale] + [
            (DONT_KNOW, _("Je ne sais pas"))
        ]
        evidence = self.fields["evidence"]
        assert isinstance(evidence, forms.ChoiceField)
        evidence.choices = [(action.pk, action.title) for action in actions]

    def answer(self) -> dict:
        """The service's arguments from the cleaned data."""
        level = self.cleaned_data.get("level") or ""
        return {
            "level": int(level) if level not in ("", DONT_KNOW) else None,
            "dont_know": level == DONT_KNOW,
            "justification": self.cleaned_data.get("justification", ""),
            "evidence_ids": self.cleaned_data.get("evidence", []),
        }
