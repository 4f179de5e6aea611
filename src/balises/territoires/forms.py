"""The directory's search form: one text field and four filters, all optional."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .directory import POPULATION_BANDS, Query
from .models.territoire import Territoire

Kind = Territoire.Kind


class DirectoryForm(forms.Form):
    q = forms.CharField(
        label=_("Nom, code INSEE, SIREN ou code postal"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Nature"),
        required=False,
        choices=[("", _("toutes"))] + [(k.value, k.label) for k in Kind if k != Kind.AUTRE],
    )
    region = forms.ChoiceField(label=_("Région"), required=False)
    departement = forms.ChoiceField(label=_("Département"), required=False)
    # Too many EPCI for a list: set by the links of an EPCI's page, shown as a removable filter.
    epci = forms.RegexField(
        label=_("Intercommunalité (SIREN)"),
        regex=r"^\d{9}$",
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid": _("Un SIREN d'intercommunalité a 9 chiffres.")},
    )
    population = forms.ChoiceField(
        label=_("Population"),
        required=False,
        choices=[("", _("toutes"))]
        + [(key, label) for key, (label, _low, _high) in POPULATION_BANDS.items()],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        parents = Territoire.objects.filter(
            kind__in=[Kind.REGION, Kind.DEPARTEMENT], is_current=True
        ).values_list("kind", "code", "name")
        regions = sorted((name, code) for kind, code, name in parents if kind == Kind.REGION)
        departements = sorted(
            (code, name) for kind, code, name in parents if kind == Kind.DEPARTEMENT
        )
        region_field, departement_field = self.fields["region"], self.fields["departement"]
        assert isinstance(region_field, forms.ChoiceField)
        assert isinstance(departement_field, forms.ChoiceField)
        region_field.choices = [("", _("toutes"))] + [(code, name) for name, code in regions]
        departement_field.choices = [("", _("tous"))] + [
            (code, f"{code} — {name}") for code, name in departements
        ]

    def query(self) -> Query:
        data = self.cleaned_data
        return Query(
            text=data["q"].strip(),
            kind=data["kind"],
            region=data["region"],
            departement=data["departement"],
            population=data["population"],
            epci=data["epci"],
        )
