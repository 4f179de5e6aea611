"""The built-in Villes pairs référentiel says exactly what the table of contents says.

`data/villes-pairs-2019-toc.txt` is a copy of the document's table of contents (headings only),
kept apart from the référentiel file. Every label the file presents as the source's must be the
heading of that copy, character for character; every other label must say what it is instead,
and its flag must agree with the copy.
"""

import unicodedata
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA_FILE = files("balises.referentiels") / "data" / "villes-pairs-2019.yaml"
TOC_FILE = Path(__file__).parent / "data" / "villes-pairs-2019-toc.txt"
ORIGINS = {"source", "corrected", "reported", "ours"}
ACCENTED = "éèêëàâîïôûùç"


def read_toc() -> dict[str, list[tuple[str, str]]]:
    """{"copie": [(code, heading), …], "signalé": […]} in the order of the document."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in TOC_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        code, heading = line.split("\t")
        assert current is not None and heading == heading.strip(), line
        current.append((code, heading))
    return sections


def walk(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for item in items:
        yield item
        yield from walk(item.get("children") or [])


def without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@pytest.fixture(scope="module")
def toc() -> dict[str, list[tuple[str, str]]]:
    return read_toc()


@pytest.fixture(scope="module")
def copy(toc) -> dict[str, str]:
    return dict(toc["copie"])


@pytest.fixture(scope="module")
def reported(toc) -> dict[str, str]:
    return dict(toc["signalé"])


@pytest.fixture(scope="module")
def elements() -> list[dict[str, Any]]:
    document = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return list(walk(document["elements"]))


def labels_of(elements, origin: str) -> dict[str, str]:
    return {e["code"]: e["label"]["fr"] for e in elements if e.get("label_origin") == origin}


def test_the_copy_of_the_table_of_contents_is_well_formed(toc) -> None:
    assert set(toc) == {"copie", "signalé"}
    for lines in toc.values():
        codes = [code for code, _heading in lines]
        assert len(codes) == len(set(codes))
    assert len(toc["copie"]) == 4 + 4 + 23 + 13 + 11 + 5 + 2


def test_every_element_says_whose_words_its_label_is(elements) -> None:
    assert [e["code"] for e in elements if e.get("label_origin") not in ORIGINS] == []


def test_every_heading_presented_as_the_sources_is_the_heading_of_the_copy(elements, copy) -> None:
    wrong = {
        code: (label, copy.get(code))
        for code, label in labels_of(elements, "source").items()
        if label != copy.get(code)
    }
    assert wrong == {}


def test_every_heading_of_the_copy_is_shown_or_its_difference_explained(elements, copy) -> None:
    by_code = {e["code"]: e for e in elements}
    assert [code for code in copy if code not in by_code] == []
    for code in copy:
        element = by_code[code]
        if element["label_origin"] == "source":
            continue
        assert element["label_origin"] in {"corrected", "reported"}, code
        # The note quotes what the copy reads (in full, or the part that differs).
        assert element["label_note"]["fr"] and element["label_note"]["en"], code


def test_corrections_change_accents_only_and_say_so(elements, copy) -> None:
    corrected = labels_of(elements, "corrected")
    assert corrected  # « Elargir le regard »
    by_code = {e["code"]: e for e in elements}
    for code, label in corrected.items():
        assert label != copy[code] and without_accents(label) == without_accents(copy[code])
        assert f"« {copy[code]} »" in by_code[code]["label_note"]["fr"], code


def test_reported_headings_are_shown_as_reported_and_not_yet_in_the_copy(
    elements, copy, reported
) -> None:
    shown = labels_of(elements, "reported")
    assert shown == reported
    by_code = {e["code"]: e for e in elements}
    for code, heading in reported.items():
        assert heading != copy.get(code), code  # once it is in the copy, the label is the source's
        assert by_code[code]["label_note"]["fr"] and by_code[code]["label_note"]["en"], code


def test_our_own_wording_is_never_a_heading_of_the_table_of_contents(
    elements, copy, reported
) -> None:
    ours = labels_of(elements, "ours")
    headings = set(copy.values()) | set(reported.values())
    assert {code: label for code, label in ours.items() if label in headings} == {}
    assert [code for code in ours if code in copy or code in reported] == []
    by_code = {e["code"]: e for e in elements}
    assert [code for code in ours if not by_code[code].get("label_note", {}).get("fr")] == []


def test_headings_come_in_the_order_of_the_table_of_contents(elements, toc) -> None:
    position = {e["code"]: index for index, e in enumerate(elements)}
    for lines in toc.values():
        order = [position[code] for code, _heading in lines]
        assert order == sorted(order)


def test_capitals_carry_their_accents(elements) -> None:
    """Our accent policy: a capital letter keeps its accent (« Élargir », « État »)."""
    texts = " ".join(
        e[key]["fr"] for e in elements for key in ("description", "evidence") if key in e
    )
    accented_stems = {
        without_accents(word[:5])
        for word in texts.replace("'", " ").split()
        if word[:1] in ACCENTED and len(word) >= 5
    }
    bare = [
        e["label"]["fr"]
        for e in elements
        if e["label"]["fr"][:1] in "EACIOU"
        and without_accents(e["label"]["fr"][:5].lower()) in accented_stems
    ]
    assert bare == []


def test_english_labels_exist_and_are_our_translation(elements) -> None:
    document = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    assert [e["code"] for e in elements if not e["label"].get("en")] == []
    assert "traductions" in document["referentiel"]["attribution"]["fr"]
    assert "translations" in document["referentiel"]["attribution"]["en"]
