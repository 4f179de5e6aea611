from django import forms
from django.utils.translation import gettext_lazy as _

from . import registry


class SearchForm(forms.Form):
    """The GET form of the search page; every field is optional and bad values are ignored."""

    q = forms.CharField(label=_("Rechercher"), required=False, max_length=500)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=1000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Tous les types")), *registry.kind_labels().items()]
        self.fields["q"].widget = forms.SearchInput(attrs={"autocomplete": "off"})
