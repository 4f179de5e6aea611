"""Forms of the space pages. They validate input only; services apply the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.espace import Role
from .models.visibility import Visibility


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail"), max_length=254)
    role = forms.ChoiceField(label=_("Rôle"), choices=Role.choices, initial=Role.LECTEUR)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rôle"), choices=Role.choices)


class SettingsForm(forms.Form):
    default_visibility = forms.ChoiceField(
        label=_("Visibilité par défaut des nouvelles données"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Privé : les membres de l'espace. Réseau : toute personne connectée. "
            "Public : tout le monde."
        ),
    )


class HandOverForm(forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail du nouveau référent"),
        help_text=_("La personne doit déjà avoir un compte."),
    )


class OpenForm(forms.Form):
    territoire = forms.IntegerField(widget=forms.HiddenInput)
