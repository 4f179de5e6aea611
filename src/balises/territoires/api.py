"""API endpoints of the territoires app, mounted under /api/v1/ by balises.api.urls.

Territories are public reference data: these endpoints need no authentication.
"""

from typing import Annotated

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from pydantic import Field

from balises.core.api.choices import choices_of
from balises.core.api.schemas import Page, PageQuery, per_page_field
from balises.core.pagination import envelope, paginate

from . import directory
from .forms import DirectoryForm
from .lookups import get_territoire
from .models.territoire import Territoire
from .schemas import TerritoireDetail, TerritoireOut, child_data, territoire_data

router = Router(tags=["territoires"])


class TerritoireFilters(PageQuery):
    q: str = Field(
        "",
        description=(
            "nom (tolère accents, tirets et fautes de frappe), code INSEE, SIREN ou code postal"
        ),
    )
    kind: Annotated[str, choices_of(Territoire.Kind, blank=True)] = Field("", description="nature")
    region: str = Field("", description="code INSEE de la région")
    departement: str = Field("", description="code INSEE du département")
    epci: str = Field("", description="SIREN de l'intercommunalité (ses communes membres)")
    population: str = Field("", description="tranche : 0-2000, 2000-10000, 10000-50000, 50000-")
    per_page: int = per_page_field(25)


@router.get(
    "/",
    response=Page[TerritoireOut],
    auth=None,
    summary="Chercher des territoires",
    description="Mêmes filtres et même ordre que l'annuaire : pertinence, puis population.",
)
def list_territoires(request: HttpRequest, filters: Query[TerritoireFilters]):
    form = DirectoryForm(filters.filter_values())
    if not form.is_valid():
        errors = "; ".join(
            f"{field} : {' '.join(str(m) for m in messages)}"
            for field, messages in form.errors.items()
        )
        raise HttpError(422, _("Filtres invalides : %(errors)s") % {"errors": errors})
    page = paginate(directory.search(form.query()), filters.wanted())
    return envelope(page, [territoire_data(t) for t in directory.fetch(page.items)])


@router.get(
    "/{uid}",
    response=TerritoireDetail,
    auth=None,
    summary="Un territoire, ses parents et ses enfants",
    description="`uid` : « commune-62528 », « epci-246200364 », « departement-62 », « region-32 ».",
)
def get_territoire_detail(request: HttpRequest, uid: str):
    territoire = get_territoire(uid)
    kinds = directory.CHILD_KINDS.get(territoire.kind, ())
    children = [child_data(c) for c in directory.children(territoire, kinds[0])] if kinds else []
    return {**territoire_data(territoire), "children": children, "children_count": len(children)}
