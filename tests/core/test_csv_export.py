import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from balises.core.csv_export import SafeDictWriter, SafeWriter, neutralise


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_made_plain_text():
    for text in ('=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx"):
        assert neutralise(text) == "'" + text


def test_ordinary_text_and_numbers_are_unchanged():
    assert neutralise("Loos-en-Gohelle") == "Loos-en-Gohelle"
    assert neutralise(-5) == -5
    assert neutralise(None) is None


@given(st.text())
def test_no_written_cell_starts_a_formula(text):
    out = io.StringIO()
    SafeWriter(out, delimiter=";").writerow([text, 1])
    first = (
        next(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))[0] if out.getvalue() else ""
    )
    assert not first.startswith(("=", "+", "-", "@"))


def test_the_dict_writer_neutralises_values_too():
    out = io.StringIO()
    writer = SafeDictWriter(out, fieldnames=["titre"])
    writer.writerow({"titre": "=1+1"})
    assert out.getvalue().strip() == "'=1+1"
