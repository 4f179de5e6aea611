"""The filters of the timeline (GET): period, theme, status. Bad values give a French message
and the timeline shows everything."""

from django import forms
from django.utils.translation import gettext_lazy as _

from balises.trajectoires.models import Status, Theme
from balises.trajectoires.queries.trajectory import Period


class FriseFilterForm(forms.Form):
    debut = forms.IntegerField(
        label=_("De l'année"), required=False, min_value=1800, max_value=2200
    )
    fin = forms.IntegerField(label=_("À l'année"), required=False, min_value=1800, max_value=2200)
    theme = forms.ChoiceField(
        label=_("Thème"), required=False, choices=[("", _("tous les thèmes")), *Theme.choices]
    )
    statut = forms.ChoiceField(
        label=_("Statut"), required=False, choices=[("", _("tous les statuts")), *Status.choices]
    )

    def clean(self):
        data = super().clean()
        debut, fin = data.get("debut"), data.get("fin")
        if debut and fin and fin < debut:
            raise forms.ValidationError(_("L'année de fin doit suivre l'année de début."))
        return data

    def period(self) -> "Period":
        if not self.is_valid():
            return Period()
        data = self.cleaned_data
        return Period(data["debut"], data["fin"], data["theme"], data["statut"])
