"""Loading territories. They are public reference data: anyone may read any of them."""

import re

from django.http import Http404

from .models.territoire import Territoire

UID = re.compile(r"^(?P<kind>[a-z]+)-(?P<code>[0-9A-Za-z]{1,20})$")


def get_territoire(uid: str) -> Territoire:
    """The territory « commune-62528 », « epci-246200364 »…; 404 if unknown or malformed."""
    match = UID.match(uid)
    if not match or match["kind"] not in Territoire.Kind.values:
        raise Http404("territoire inconnu")
    territoire = (
        Territoire.objects.select_related("epci", "departement", "region", "replaced_by")
        .filter(kind=match["kind"], code=match["code"].upper())
        .first()
    )
    if territoire is None:
        raise Http404("territoire inconnu")
    return territoire
