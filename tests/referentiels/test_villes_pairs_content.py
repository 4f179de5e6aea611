"""Content checks of the built-in Villes pairs 2019 référentiel file.

The file is read with plain PyYAML, independently of the project's loader, so that the content
(counts from the table of contents, bilingual texts, links) is checked on its own.
"""

from collections import Counter
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import pytest
import yaml

DATA_FILE = files("balises.referentiels") / "data" / "villes-pairs-2019.yaml"

THEMES = ["H1", "H2", "H3", "H4"]
# Per theme, as in the table of contents: balises, modes de faire, dispositifs.
TOC_COUNTS = {"H1": (6, 3, 3), "H2": (5, 5, 3), "H3": (6, 1, 2), "H4": (6, 4, 3)}
PREFIX_OF_KIND = {"balise": "B", "mode_de_faire": "M", "dispositif": "D"}


def walk(
    items: list[dict[str, Any]], parent: str | None = None
) -> Iterator[tuple[dict, str | None]]:
    for item in items:
        yield item, parent
        yield from walk(item.get("children") or [], item["code"])


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def elements(document: dict[str, Any]) -> list[tuple[dict, str | None]]:
    return list(walk(document["elements"]))


@pytest.fixture(scope="module")
def by_code(elements: list[tuple[dict, str | None]]) -> dict[str, dict]:
    return {element["code"]: element for element, _parent in elements}


def codes_of_kind(elements: list[tuple[dict, str | None]], kind: str) -> list[str]:
    return [element["code"] for element, _parent in elements if element["kind"] == kind]


def test_file_declares_the_format_and_the_source_metadata(document: dict[str, Any]) -> None:
    meta = document["referentiel"]
    assert document["format"] == "balises-referentiel/1"
    assert meta["slug"] == "villes-pairs"
    assert meta["version"] == "2019-03"
    assert meta["title"]["fr"] == "Villes pairs et territoires pilotes de la transition"
    assert meta["title"]["en"]
    assert str(meta["date"]) == "2019-03-21"
    assert meta["licence"] == "CC BY-NC-ND 4.0"
    assert meta["authors"] == ["Patrice Vuidel", "Julian Perdrigeat"]
    assert meta["languages"] == ["fr", "en"]
    assert meta["source"]["url"].startswith("https://")
    assert meta["source"]["title"]
    for key in ("description", "attribution"):
        assert meta[key]["fr"] and meta[key]["en"]


def test_every_used_kind_is_declared_with_bilingual_labels(
    document: dict[str, Any], elements: list[tuple[dict, str | None]]
) -> None:
    declared = {kind["code"]: kind for kind in document["kinds"]}
    assert set(declared) == {
        "theme",
        "balise",
        "mode_de_faire",
        "dispositif",
        "chapitre",
        "concept",
    }
    assert all(kind["label"]["fr"] and kind["label"]["en"] for kind in declared.values())
    assert {element["kind"] for element, _parent in elements} <= set(declared)


def test_counts_per_kind_match_the_table_of_contents(
    elements: list[tuple[dict, str | None]],
) -> None:
    counts = Counter(element["kind"] for element, _parent in elements)
    assert counts["theme"] == 4
    assert counts["balise"] == 23
    assert counts["mode_de_faire"] == 13
    assert counts["dispositif"] == 11


def test_themes_are_top_level_and_hold_their_balises_modes_and_dispositifs(
    document: dict[str, Any],
) -> None:
    top = {item["code"]: item for item in document["elements"]}
    for theme in THEMES:
        assert top[theme]["kind"] == "theme"
        children = Counter(child["kind"] for child in top[theme]["children"])
        expected = TOC_COUNTS[theme]
        found = (children["balise"], children["mode_de_faire"], children["dispositif"])
        assert found == expected, theme


def test_balises_are_split_six_five_six_six_by_theme(document: dict[str, Any]) -> None:
    top = {item["code"]: item for item in document["elements"]}
    split = [
        sum(1 for child in top[theme]["children"] if child["kind"] == "balise") for theme in THEMES
    ]
    assert split == [6, 5, 6, 6]


def test_codes_follow_the_theme_and_kind_numbering(
    elements: list[tuple[dict, str | None]],
) -> None:
    seen: dict[tuple[str, str], list[int]] = {}
    for element, parent in elements:
        prefix = PREFIX_OF_KIND.get(element["kind"])
        if prefix is None:
            continue
        theme, _dash, rest = element["code"].partition("-")
        assert theme == parent, element["code"]
        assert rest[0] == prefix, element["code"]
        seen.setdefault((theme, prefix), []).append(int(rest[1:]))
    for numbers in seen.values():
        assert numbers == list(range(1, len(numbers) + 1))


def test_top_level_follows_the_chapters_of_the_document(document: dict[str, Any]) -> None:
    top = [(item["code"], item["kind"]) for item in document["elements"]]
    assert top == [
        ("C-CADRE", "chapitre"),  # 1
        ("C-METHODE", "chapitre"),  # 2
        ("C-PARTICIPANTS", "chapitre"),  # 3
        ("H1", "theme"),  # 4
        ("H2", "theme"),  # 5
        ("H3", "theme"),
        ("H4", "theme"),  # 6
        ("C-GESTION", "chapitre"),  # 7
        ("C-TRANSFERT", "chapitre"),  # 8
        ("C-PERSPECTIVES", "chapitre"),  # 9
    ]


def test_chapter_sections_are_concepts(elements: list[tuple[dict, str | None]]) -> None:
    kinds = {element["code"]: element["kind"] for element, _parent in elements}
    sections = [
        (element["code"], element["kind"])
        for element, parent in elements
        if parent is not None and kinds[parent] in {"chapitre", "concept"}
    ]
    assert sections and all(kind == "concept" for _code, kind in sections)


def test_only_chapter_seven_is_called_transverse(
    document: dict[str, Any], elements: list[tuple[dict, str | None]]
) -> None:
    assert all("transverse" not in kind["label"]["fr"] for kind in document["kinds"])
    transverse = [
        element["code"]
        for element, _parent in elements
        if "transverse" in (element["label"]["fr"] + element["description"]["fr"]).casefold()
    ]
    assert transverse == ["C-GESTION"]


def test_chapter_eight_keeps_its_nesting(by_code: dict[str, dict]) -> None:
    def children(code: str) -> list[str]:
        return [child["code"] for child in by_code[code].get("children") or []]

    # The two dimensions of changing scale, then transfer and its sections.
    assert children("C-TRANSFERT") == [
        "C-TRANSFERT-1", "C-TRANSFERT-2", "C-TRANSFERT-5", "C-TRANSFERT-6", "C-TRANSFERT-7",
        "C-TRANSFERT-8", "C-TRANSFERT-9", "C-TRANSFERT-10", "C-TRANSFERT-13", "C-TRANSFERT-11",
        "C-TRANSFERT-12",
    ]  # fmt: skip
    assert children("C-TRANSFERT-2") == ["C-TRANSFERT-3", "C-TRANSFERT-4"]


# Codes other modules and saved data refer to: they never change (new elements get new codes).
STABLE_CODES = [
    "C-CADRE", "C-CADRE-1", "C-CADRE-2", "C-CADRE-3", "C-METHODE",
    *(f"H{n}" for n in range(1, 5)),
    *(f"H{n}-B{k}" for n, count in enumerate((6, 5, 6, 6), 1) for k in range(1, count + 1)),
    *(f"H{n}-M{k}" for n, count in enumerate((3, 5, 1, 4), 1) for k in range(1, count + 1)),
    *(f"H{n}-D{k}" for n, count in enumerate((3, 3, 2, 3), 1) for k in range(1, count + 1)),
    "C-GESTION", *(f"C-GESTION-{k}" for k in range(1, 5)),
    "C-TRANSFERT", *(f"C-TRANSFERT-{k}" for k in range(1, 13)),
]  # fmt: skip


def test_codes_of_earlier_files_are_all_still_there(by_code: dict[str, dict]) -> None:
    assert [code for code in STABLE_CODES if code not in by_code] == []
    assert all("key" not in by_code[code] for code in STABLE_CODES)  # key = code


def test_codes_are_unique(elements: list[tuple[dict, str | None]]) -> None:
    codes = Counter(element["code"] for element, _parent in elements)
    assert [code for code, count in codes.items() if count > 1] == []


def test_every_element_has_french_and_english_labels(
    elements: list[tuple[dict, str | None]],
) -> None:
    missing = [
        element["code"]
        for element, _parent in elements
        if not (element["label"].get("fr") and element["label"].get("en"))
    ]
    assert missing == []


def test_every_element_is_described_and_marked_as_interpretation(
    elements: list[tuple[dict, str | None]],
) -> None:
    incomplete = []
    for element, _parent in elements:
        texts = [element.get(key) or {} for key in ("description", "evidence")]
        complete = all(text.get("fr") and text.get("en") for text in texts)
        if not complete or element.get("interpretation") is not True:
            incomplete.append(element["code"])
    assert incomplete == []


def test_every_link_endpoint_exists_and_links_are_serves(
    document: dict[str, Any], by_code: dict[str, dict]
) -> None:
    for link in document["links"]:
        assert link["kind"] == "serves"
        assert link["from"] in by_code, link
        assert link["to"] in by_code, link
        assert by_code[link["from"]]["kind"] in {"mode_de_faire", "dispositif"}, link
        assert by_code[link["to"]]["kind"] == "balise", link


def test_links_are_not_repeated(document: dict[str, Any]) -> None:
    pairs = Counter((link["from"], link["to"]) for link in document["links"])
    assert [pair for pair, count in pairs.items() if count > 1] == []


def test_every_mode_and_dispositif_serves_at_least_one_balise(
    document: dict[str, Any], elements: list[tuple[dict, str | None]]
) -> None:
    sources = {link["from"] for link in document["links"]}
    methods = codes_of_kind(elements, "mode_de_faire") + codes_of_kind(elements, "dispositif")
    assert [code for code in methods if code not in sources] == []


def test_every_balise_is_served_by_a_mode_or_dispositif(
    document: dict[str, Any], elements: list[tuple[dict, str | None]]
) -> None:
    targets = {link["to"] for link in document["links"]}
    assert [code for code in codes_of_kind(elements, "balise") if code not in targets] == []


def test_maturity_scale_has_levels_zero_to_four_in_both_languages(
    document: dict[str, Any],
) -> None:
    scale = document["maturity_scale"]
    assert [level["level"] for level in scale] == [0, 1, 2, 3, 4]
    for level in scale:
        for key in ("label", "description"):
            assert level[key]["fr"] and level[key]["en"], (level["level"], key)


def test_maturity_scale_says_it_is_balises_proposal(document: dict[str, Any]) -> None:
    note = document["referentiel"]["scale_note"]
    assert "proposition de Balises" in note["fr"] and "proposed by Balises" in note["en"]
    assert "échelle de maturité" in document["referentiel"]["attribution"]["fr"]
