"""Reading and validating `data/parametres.yaml`, the file of named parameter sets.

Every problem fails with a French message naming the set and the key at fault, so that a typo
never turns into a silently wrong calculation: an unknown key is refused, not ignored.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.utils.translation import gettext as _

from .parametres import ParametreError, Parametres, Source, TauxActualisation, ValeurCarbone

FORMAT = "balises-parametres-valeur/1"
DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "parametres.yaml"
_PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SET_KEYS = {"key", "label", "source", "verified", "note"}
_RATE_KEYS = _SET_KEYS | {"schedule"}
_CARBON_KEYS = _SET_KEYS | {"euro_year", "anchors"}
_SOURCE_KEYS = {"title", "url", "published", "see_also"}


@cache
def default_parametres() -> Parametres:
    """The parameter sets shipped with the application (read once)."""
    return load_parametres(DEFAULT_FILE)


def load_parametres(path: str | Path) -> Parametres:
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ParametreError(
            _("Le fichier de paramètres %(name)s est illisible : %(error)s")
            % {"name": path.name, "error": error}
        ) from error
    return parse_parametres(document)


def parse_parametres(document: object) -> Parametres:
    """Validate a parsed YAML document and build the parameter sets."""
    top = _mapping(document, _("le fichier de paramètres"))
    _check_keys(top, {"format", "taux_actualisation", "valeurs_carbone"}, _("le fichier"))
    if top.get("format") != FORMAT:
        raise ParametreError(
            _("Format de fichier de paramètres inattendu : %(found)r (attendu « %(format)s »).")
            % {"found": top.get("format"), "format": FORMAT}
        )
    taux = _index([_read_rate(raw) for raw in _list(top, "taux_actualisation")])
    carbone = _index([_read_carbon(raw) for raw in _list(top, "valeurs_carbone")])
    return Parametres(taux=taux, carbone=carbone)


def _index(sets: list[Any]) -> dict[str, Any]:
    indexed: dict[str, Any] = {}
    for item in sets:
        if item.key in indexed:
            raise ParametreError(
                _("La clé « %(key)s » est utilisée deux fois.") % {"key": item.key}
            )
        indexed[item.key] = item
    return indexed


def _common(raw: dict[str, Any], allowed: set[str]) -> dict[str, Any]:
    key = raw.get("key")
    if not isinstance(key, str) or not key:
        raise ParametreError(_("Un jeu de paramètres n'a pas de clé (key)."))
    where = _("le jeu « %(key)s »") % {"key": key}
    _check_keys(raw, allowed, where)
    label = _mapping(raw.get("label"), where + " (label)")
    note = _mapping(raw.get("note", {}), where + " (note)")
    source = _mapping(raw.get("source"), where + " (source)")
    _check_keys(source, _SOURCE_KEYS, where + " (source)")
    published = source.get("published")
    if published is not None and not _PUBLISHED.match(str(published)):
        raise ParametreError(
            _(
                "%(where)s : date de publication « %(value)s » illisible "
                "(AAAA, AAAA-MM ou AAAA-MM-JJ)."
            )
            % {"where": where, "value": published}
        )
    url = str(source.get("url", ""))
    if not url.startswith(("http://", "https://")):
        raise ParametreError(_("%(where)s : la source n'a pas d'adresse web.") % {"where": where})
    if not isinstance(raw.get("verified"), bool):
        raise ParametreError(
            _("%(where)s : « verified » doit valoir true ou false.") % {"where": where}
        )
    return {
        "key": key,
        "label_fr": str(label.get("fr", "")),
        "label_en": str(label.get("en", "")),
        "source": Source(
            title=str(source.get("title", "")),
            url=url,
            published=None if published is None else str(published),
            see_also=tuple(str(address) for address in source.get("see_also", ())),
        ),
        "verified": raw["verified"],
        "note_fr": str(note.get("fr", "")),
        "note_en": str(note.get("en", "")),
    }


def _read_rate(raw: object) -> TauxActualisation:
    data = _mapping(raw, _("un taux d'actualisation"))
    fields = _common(data, _RATE_KEYS)
    where = _("le jeu « %(key)s »") % {"key": fields["key"]}
    steps = []
    for item in _list(data, "schedule"):
        step = _mapping(item, where + " (schedule)")
        _check_keys(step, {"from_t", "rate_pct"}, where + " (schedule)")
        rate = _decimal(step.get("rate_pct"), where) / 100
        if not Decimal(0) <= rate < 1:
            raise ParametreError(_("%(where)s : taux hors de 0 à 100 %%.") % {"where": where})
        steps.append((_int(step.get("from_t"), where), rate))
    starts = [start for start, _rate in steps]
    if not steps or starts[0] != 1 or starts != sorted(set(starts)):
        raise ParametreError(
            _("%(where)s : le barème doit commencer à t = 1, par années croissantes.")
            % {"where": where}
        )
    return TauxActualisation(**fields, paliers=tuple(steps))


def _read_carbon(raw: object) -> ValeurCarbone:
    data = _mapping(raw, _("un chemin de valeur du carbone"))
    fields = _common(data, _CARBON_KEYS)
    where = _("le jeu « %(key)s »") % {"key": fields["key"]}
    if "euro_year" not in data:
        # Forgetting the euro year must not pass for « unknown »: null says it on purpose.
        raise ParametreError(
            _(
                "%(where)s : l'année des euros (euro_year) manque ; "
                "écrivez null si la source ne la donne pas."
            )
            % {"where": where}
        )
    euro_year = data["euro_year"]
    pairs = _mapping(data.get("anchors"), where + " (anchors)").items()
    anchors = sorted((_int(year, where), _decimal(value, where)) for year, value in pairs)
    if not anchors or any(value < 0 for _year, value in anchors):
        raise ParametreError(
            _("%(where)s : il faut au moins un ancrage, de valeur positive.") % {"where": where}
        )
    return ValeurCarbone(
        **fields,
        euro_year=None if euro_year is None else _int(euro_year, where),
        anchors=tuple(anchors),
    )


def _mapping(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ParametreError(
            _("%(where)s : un objet (clé: valeur) est attendu.") % {"where": where}
        )
    return value


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ParametreError(_("« %(key)s » doit être une liste.") % {"key": key})
    return value


def _check_keys(raw: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(str(key) for key in raw if key not in allowed)
    if unknown:
        raise ParametreError(
            _("Clé inconnue « %(key)s » dans %(where)s (clés permises : %(allowed)s).")
            % {"key": unknown[0], "where": where, "allowed": ", ".join(sorted(allowed))}
        )


def _decimal(value: object, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise ParametreError(_("%(where)s : nombre attendu.") % {"where": where})
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ParametreError(
            _("%(where)s : « %(value)s » n'est pas un nombre.") % {"where": where, "value": value}
        ) from None
    if not number.is_finite():
        raise ParametreError(_("%(where)s : nombre fini attendu.") % {"where": where})
    return number


def _int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParametreError(
            _("%(where)s : nombre entier attendu, pas « %(value)s ».")
            % {"where": where, "value": value}
        )
    return value
