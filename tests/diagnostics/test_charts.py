"""The radar and line drawings: valid SVG, accessible, without style attributes."""

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from balises.graphiques.lines import LineSeries, render_lines
from balises.graphiques.radar import RadarSeries, render_radar

values = st.lists(st.none() | st.floats(min_value=-5, max_value=9), min_size=0, max_size=30)


@given(st.lists(st.text(max_size=20), min_size=0, max_size=30), values)
def test_a_radar_is_always_well_formed_svg_without_style(axes, levels):
    svg = render_radar(axes, [RadarSeries("Élus <&>", levels, "radar-vue-0")], title="T", desc="D")
    root = ET.fromstring(svg)  # noqa: S314 (our own output)
    assert root.find("{http://www.w3.org/2000/svg}title").text == "T"
    assert "style=" not in svg


def test_a_radar_places_each_known_value_on_its_axis():
    svg = render_radar(
        ["A", "B", "C", "D"], [RadarSeries("s", [4, None, 2, 0])], title="T", desc="D"
    )
    assert svg.count("<circle") == 3 and "s · C : 2" in svg


@given(st.lists(st.text(max_size=12), min_size=0, max_size=8), values)
def test_a_line_chart_is_always_well_formed_svg_without_style(steps, levels):
    svg = render_lines(steps, [LineSeries("Thème", levels, "courbe-0")], title="T", desc="D")
    ET.fromstring(svg)  # noqa: S314 (our own output)
    assert "style=" not in svg


def test_unknown_values_break_the_line():
    svg = render_lines(
        ["a", "b", "c", "d"], [LineSeries("x", [1, 2, None, 3])], title="T", desc="D"
    )
    assert svg.count("<polyline") == 1 and svg.count("<circle") == 3
