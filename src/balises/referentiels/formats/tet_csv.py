"""The CSV files of Territoires en Transitions' référentiels (CAE, ECI and the merged TE).

One row per item; the dotted `identifiant` gives the tree (« 1.2.3 » is a child of « 1.2 »);
its depth gives the kind (axe, sous-axe, mesure, sous-action, tâche). Text cells hold Markdown,
kept as it is. The TE file's `Origine` cell lists the CAE and ECI items each item comes from,
one per line with an optional weight: « Cae_1.1.2.2.3 (0,5) ». They become weighted
corresponds_to links; a target missing from the imported CAE or ECI is reported, not fatal,
because the source data itself names a few items that do not exist.
"""

import re
from decimal import Decimal
from pathlib import PurePath

from django.utils.translation import gettext as _

from . import csv_rows
from .document import ElementDoc, KindDoc, LinkDoc, ReferentielDocument, check_tree, parse_decimal

KINDS = [
    KindDoc("axe", "axe", "axis"),
    KindDoc("sous-axe", "sous-axe", "sub-axis"),
    KindDoc("mesure", "mesure", "measure"),
    KindDoc("sous-action", "sous-action", "sub-action"),
    KindDoc("tache", "tâche", "task"),
]
TITLES = {
    "cae": ("Climat Air Énergie", "Climate Air Energy"),
    "eci": ("Économie circulaire", "Circular economy"),
    "te": ("Transition écologique", "Ecological transition"),
}
# Text columns kept as Markdown sections of the element page, in this order.
SECTIONS = [
    ("contexte", "Contexte"),
    ("exemples", "Exemples"),
    ("ressources", "Ressources"),
    ("reglementation", "Réglementation"),
    ("retours_d_experience", "Retours d'expérience"),
    ("preuve", "Preuves"),
    ("perimetreevaluation", "Périmètre d'évaluation"),
]
# « Cae_1.1.2.2.3 (0,5) »: référentiel, item, optional weight; several per cell.
ORIGIN = re.compile(
    r"\b(?P<slug>cae|eci)_(?P<code>[0-9][\w.]*?)\.?(?:\s*\((?P<weight>[\d.,]+)\))?(?=\s|$)",
    re.I,
)
NEW_ITEM = re.compile(r"nouvelle action", re.I)
SOURCE_URL = "https://github.com/incubateur-ademe/territoires-en-transitions"


def _slug(file: str) -> str:
    stem = PurePath(file).stem.lower()
    match = re.match(r"^referentiel-([a-z0-9]+)-structure", stem)
    return match.group(1) if match else re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or "tet"


def read(text: str, file: str = "") -> ReferentielDocument:
    slug = _slug(file)
    title_fr, title_en = TITLES.get(slug, (PurePath(file).stem or slug, ""))
    document = ReferentielDocument(
        slug=slug,
        version="1",
        title_fr=title_fr,
        title_en=title_en,
        licence="MIT",
        source_title="Territoires en Transitions (ADEME)",
        source_url=SOURCE_URL,
        languages=["fr"],
        attribution_fr="Publié par Territoires en Transitions (ADEME), sous licence MIT.",
        attribution_en="Published by Territoires en Transitions (ADEME), MIT licence.",
        kinds=list(KINDS),
    )
    for where, row in csv_rows.rows(text, file, ("identifiant", "nom")):
        code = row["identifiant"]
        if not code:
            raise where.error(_("identifiant vide"), _("un identifiant pointé comme « 1.2.3 »"))
        parts = code.split(".")
        if len(parts) > len(KINDS) or not all(parts):
            raise where.error(_("identifiant invalide : « %(code)s »") % {"code": code},
                              _("de 1 à 5 segments séparés par des points"))  # fmt: skip
        if not row["nom"]:
            # The TE file has a few empty placeholder rows; keep them so their children attach.
            document.warnings.append(
                _("%(where)s : « %(code)s » sans nom") % {"where": where.describe(), "code": code}
            )
        sections = [
            {"title": title, "text": row[name]} for name, title in SECTIONS if row.get(name)
        ]
        document.elements.append(
            ElementDoc(
                code=code,
                kind=KINDS[len(parts) - 1].code,
                parent_code=".".join(parts[:-1]) or None,
                label_fr=row["nom"] or code,
                description_fr=row.get("description", ""),
                points=parse_decimal(row.get("points"), where, _("nombre de points")),
                sections=sections,
                where=where,
            )
        )
        document.links.extend(_origins(code, row.get("origine", ""), where, document))
    return check_tree(document)


def _origins(code: str, cell: str, where, document: ReferentielDocument) -> list[LinkDoc]:
    links = []
    for match in ORIGIN.finditer(cell):
        weight = parse_decimal(match["weight"], where, _("poids")) if match["weight"] else None
        links.append(
            LinkDoc(
                source_code=code,
                target_slug=match["slug"].lower(),
                target_code=match["code"],
                kind="corresponds_to",
                weight=weight if weight is not None else Decimal(1),
                where=where,
                optional=True,
            )
        )
    rest = NEW_ITEM.sub(" ", ORIGIN.sub(" ", cell)).strip()
    if rest:
        document.warnings.append(
            _("%(where)s : origine non reconnue « %(rest)s »")
            % {"where": where.describe(), "rest": rest}
        )
    return links
