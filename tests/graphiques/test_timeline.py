"""The timeline drawing: valid, accessible, escaped, deterministic SVG."""

import xml.etree.ElementTree as ET
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from balises.graphiques.svg import _NOT_XML
from balises.graphiques.timeline import Band, Bar, Mark, render_timeline

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own drawing, parsed to prove it well formed


TODAY = date(2026, 6, 1)
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 12, 31))


def draw(bars=(), bands=(), marks=(), **extra) -> str:
    return render_timeline(bars, bands, marks, today=TODAY, title="Frise", desc="Desc", **extra)


def test_an_empty_timeline_is_a_valid_svg_that_says_so():
    root = parse(draw())
    assert root.tag == f"{SVG}svg"
    assert "Aucune action datée" in "".join(root.itertext())


def test_the_drawing_is_labelled_for_assistive_technologies():
    root = parse(draw([Bar("Chaufferie", date(2010, 1, 1), date(2012, 1, 1))]))
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}desc").get("id") == desc_id


def test_bars_dots_and_ongoing_actions_are_drawn_differently():
    svg = draw(
        [
            Bar("Finie", date(2010, 1, 1), date(2012, 1, 1)),
            Bar("Sans fin", date(2011, 1, 1)),
            Bar("En cours", date(2012, 1, 1), ongoing=True),
        ]
    )
    root = parse(svg)
    classes = [e.get("class") for e in root.iter() if e.get("class")]
    assert classes.count("frise-barre") == 1
    assert classes.count("frise-barre frise-barre-en-cours") == 1
    assert classes.count("frise-point") == 1


def test_phases_events_and_leaps_are_drawn_with_their_labels():
    svg = draw(
        [Bar("A", date(2010, 1, 1), date(2011, 1, 1))],
        [Band("Les années pionnières", date(2009, 1, 1), date(2013, 1, 1))],
        [
            Mark("Élection", date(2014, 3, 1)),
            Mark("Changement d'échelle", date(2015, 1, 1), "saut"),
        ],
    )
    text = "".join(parse(svg).itertext())
    assert "Les années pionnières" in text and "Élection" in text
    assert "Changement d'échelle" in text
    assert "frise-repere-saut" in svg and "frise-repere-evenement" in svg


def test_no_style_attribute_nor_script_is_ever_written():
    svg = draw([Bar("<script>alert(1)</script>", date(2010, 1, 1))])
    assert "style=" not in svg and "<script" not in svg


def test_a_bar_with_an_address_becomes_a_link_and_the_drawing_a_group():
    root = parse(draw([Bar("A", date(2010, 1, 1), href="/a?x=1&y=2")]))
    links = root.findall(f".//{SVG}a")
    assert [a.get("href") for a in links] == ["/a?x=1&y=2"]
    # Links inside role="img" would be hidden from assistive technologies.
    assert root.get("role") == "group"


labels = st.text(min_size=1, max_size=60)


@given(
    st.lists(st.tuples(labels, days, st.one_of(st.none(), days), st.booleans()), max_size=12),
    st.lists(st.tuples(labels, days, st.sampled_from(["evenement", "saut"])), max_size=6),
    st.lists(st.tuples(labels, days), max_size=4),
)
def test_any_data_gives_a_well_formed_svg_keeping_its_texts(bars_data, marks_data, bands_data):
    bars = [
        Bar(label, start, end if end and end >= start else None, ongoing)
        for label, start, end, ongoing in bars_data
    ]
    marks = [Mark(label, day, kind) for label, day, kind in marks_data]
    bands = [Band(label, start) for label, start in bands_data]
    svg = draw(bars, bands, marks)
    root = parse(svg)  # raises on any unescaped text
    assert "style=" not in svg
    titles = "".join(t.text or "" for t in root.iter(f"{SVG}title"))
    for bar in bars:
        # Characters XML forbids are dropped; parsers read line ends as « \n ».
        kept = _NOT_XML.sub("", bar.label).replace("\r\n", "\n").replace("\r", "\n")
        assert kept in titles


@given(st.lists(st.tuples(labels, days), max_size=10), st.randoms())
def test_the_same_data_in_any_order_gives_the_same_bytes(data, random):
    bars = [Bar(label, day) for label, day in data]
    shuffled = bars[:]
    random.shuffle(shuffled)
    assert draw(bars) == draw(shuffled)
