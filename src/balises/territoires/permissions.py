"""Access to the national reference: territories are public reference data, readable by all."""

from django.http import Http404
from django.utils.translation import gettext as _

from .models import Territoire


def get_territoire_or_404(pk: object) -> Territoire:
    """Territories are public reference data: anyone may load one by id."""
    try:
        territoire = Territoire.objects.filter(pk=int(str(pk))).first()
    except ValueError:
        territoire = None
    if territoire is None:
        raise Http404(_("Territoire inconnu."))
    return territoire
