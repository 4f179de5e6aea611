"""What the pages, their JSON/CSV twins and the API read, in a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import quote

from django.db.models import Count
from django.urls import reverse

from . import tree
from .models import Element, ElementKind, Lien, MaturityLevel, Referentiel
from .permissions import visible_to

TREE_FIELDS = (
    "pk", "referentiel_id", "parent_id", "kind_id", "code", "key", "order", "position", "depth",
    "label_fr", "label_en", "label_origin", "points", "is_interpretation",
)  # fmt: skip


def referentiel_list(user) -> list[Referentiel]:
    """Latest version of each référentiel, with its element count and number of versions."""
    referentiels = list(
        visible_to(user)
        .latest_versions()
        .annotate(element_count=Count("elements"))
        .order_by("-is_builtin", "title_fr")
    )
    versions = Counter(visible_to(user).values_list("slug", flat=True))
    for referentiel in referentiels:
        referentiel.version_count = versions[referentiel.slug]  # type: ignore[attr-defined]
    return referentiels


@dataclass
class TreeData:
    referentiel: Referentiel
    kinds: list[ElementKind]
    elements: list[Element]
    levels: list[MaturityLevel]
    versions: list[Referentiel]
    total_points: Decimal = Decimal(0)
    counts: dict[int, int] = field(default_factory=dict)

    @property
    def previous_version(self) -> str:
        """The version to compare this one with: the next older one, else the newest other."""
        names = [v.version for v in self.versions]
        current = names.index(self.referentiel.version)
        others = names[current + 1 :] + names[:current]
        return others[0] if others else ""

    @property
    def rows(self) -> list[tree.TreeRow]:
        return tree.tree_rows(self.elements)


def tree_data(referentiel: Referentiel, *, with_text: bool = False) -> TreeData:
    """Kinds, elements (depth-first), levels and sibling versions: five queries, any size."""
    fields = TREE_FIELDS + (("description_fr", "description_en") if with_text else ())
    elements = list(referentiel.elements.order_by("position").only(*fields))
    kinds = list(referentiel.kinds.all())
    by_id = {kind.pk: kind for kind in kinds}
    # Addresses built here rather than by {% url %} per row: the CAE tree has 1,470 rows.
    prefix = reverse("referentiels:element", args=[referentiel.slug, referentiel.version, "-"])
    prefix = prefix[: -len("-/")]
    for element in elements:
        element.kind = by_id[element.kind_id]  # spares one query per element
        element.url = f"{prefix}{quote(element.code, safe='')}/"  # type: ignore[attr-defined]
    counts = Counter(element.kind_id for element in elements)
    for kind in kinds:
        kind.count = counts[kind.pk]  # type: ignore[attr-defined]
    versions = list(
        Referentiel.objects.filter(slug=referentiel.slug)
        .order_by("-date", "-created_at")
        .only("slug", "version", "date", "created_at")
    )
    return TreeData(
        referentiel=referentiel,
        kinds=kinds,
        elements=elements,
        levels=list(referentiel.maturity_levels.all()),
        versions=versions,
        total_points=tree.total_points(elements),
        counts=dict(counts),
    )


@dataclass
class ElementData:
    element: Element
    ancestors: list[Element]
    children: list[Element]
    links_out: list[Lien]
    links_in: list[Lien]
    levels: list[MaturityLevel]

    def _pairs(self, direction: str, kinds: tuple[str, ...]) -> list[tuple[Lien, Element]]:
        """(link, element at the other end) pairs, as the element page lists them."""
        if direction == "out":
            return [(link, link.target) for link in self.links_out if link.kind in kinds]
        return [(link, link.source) for link in self.links_in if link.kind in kinds]

    @property
    def serves(self) -> list[tuple[Lien, Element]]:
        return self._pairs("out", ("serves", "illustrates", "refines"))

    @property
    def served_by(self) -> list[tuple[Lien, Element]]:
        return self._pairs("in", ("serves", "illustrates", "refines"))

    @property
    def correspondences(self) -> list[tuple[Lien, Element]]:
        kinds = ("corresponds_to",)
        return self._pairs("out", kinds) + self._pairs("in", kinds)


def element_data(element: Element) -> ElementData:
    related = ("kind", "referentiel")
    links_out = Lien.objects.filter(source=element).select_related(
        *(f"target__{name}" for name in related)
    )
    links_in = Lien.objects.filter(target=element).select_related(
        *(f"source__{name}" for name in related)
    )
    ancestors: list[Element] = []
    parent_id = element.parent_id
    if parent_id:
        # One query for the whole chain: ancestors are the only elements above in depth
        # whose position precedes ours; filter them in Python by following parent ids.
        above = {
            e.pk: e
            for e in Element.objects.filter(
                referentiel_id=element.referentiel_id,
                depth__lt=element.depth,
                position__lt=element.position,
            ).only("pk", "parent_id", "code", "label_fr", "label_en", "depth")
        }
        while parent_id in above:
            ancestors.insert(0, above[parent_id])
            parent_id = above[parent_id].parent_id
    return ElementData(
        element=element,
        ancestors=ancestors,
        children=list(element.children.select_related("kind").order_by("order")),
        links_out=list(links_out.order_by("kind", "target__position")),
        links_in=list(links_in.order_by("kind", "source__position")),
        levels=list(MaturityLevel.objects.filter(referentiel_id=element.referentiel_id)),
    )
