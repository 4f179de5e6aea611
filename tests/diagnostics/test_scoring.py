"""Properties of the pure scoring functions (bounds, monotonicity, median, divergence)."""

from hypothesis import given
from hypothesis import strategies as st

from balises.diagnostics import scoring
from balises.diagnostics.scoring import Evidence

VIEWPOINTS = ["elu", "direction", "agent", "operateur", "habitant", "partenaire"]
STATUSES = ["idee", "preparation", "en_cours", "realisee", "pause", "abandonnee"]
# Progress order of statuses that matter to the rule (abandoned is left out of it).
PROGRESS = ["idee", "preparation", "pause", "en_cours", "realisee"]

levels = st.integers(min_value=0, max_value=4)
answers = st.lists(st.tuples(st.sampled_from(VIEWPOINTS), st.none() | levels), max_size=40)
evidence_items = st.builds(
    Evidence,
    status=st.sampled_from(STATUSES),
    direct=st.booleans(),
    through_dispositif=st.booleans(),
    evaluated=st.booleans(),
)


@given(st.lists(levels, min_size=1))
def test_the_median_lies_between_the_lowest_and_highest_level(values):
    result = scoring.median(values)
    assert min(values) <= result <= max(values)


@given(st.lists(levels, min_size=1))
def test_the_median_splits_the_levels_in_two_halves(values):
    result = scoring.median(values)
    assert sum(v < result for v in values) <= len(values) / 2
    assert sum(v > result for v in values) <= len(values) / 2


def test_the_median_of_nothing_is_unknown():
    assert scoring.median([]) is None
    assert scoring.consensus({}) is None


@given(answers)
def test_unknown_answers_are_left_out_of_the_medians(pairs):
    medians = scoring.viewpoint_medians(pairs)
    known_viewpoints = {vp for vp, level in pairs if level is not None}
    assert set(medians) == known_viewpoints
    assert medians == scoring.viewpoint_medians([p for p in pairs if p[1] is not None])


@given(answers)
def test_the_consensus_stays_within_the_viewpoints_medians(pairs):
    medians = scoring.viewpoint_medians(pairs)
    result = scoring.consensus(medians)
    if medians:
        assert min(medians.values()) <= result <= max(medians.values())
        assert 0 <= result <= 4


def test_each_viewpoint_weighs_the_same_in_the_consensus():
    pairs = [("agent", 0)] * 30 + [("elu", 4)] * 3 + [("operateur", 3)]
    assert scoring.consensus(scoring.viewpoint_medians(pairs)) == 3


@given(st.dictionaries(st.sampled_from(VIEWPOINTS), levels.map(float)))
def test_divergence_means_two_viewpoints_two_levels_apart(medians):
    values = list(medians.values())
    apart = any(abs(a - b) >= 2 for a in values for b in values)
    assert scoring.is_divergent(medians) == apart
    assert 0 <= scoring.spread(medians) <= 4


@given(st.dictionaries(st.sampled_from(VIEWPOINTS), levels.map(float), max_size=1))
def test_a_single_viewpoint_never_diverges(medians):
    assert not scoring.is_divergent(medians)


@given(st.lists(evidence_items), st.integers(min_value=0, max_value=10))
def test_the_suggested_level_stays_within_the_scale(items, top):
    assert 0 <= scoring.suggested_level(items, top=top) <= top


@given(st.lists(evidence_items), evidence_items)
def test_more_evidence_never_lowers_the_suggestion(items, extra):
    assert scoring.suggested_level([*items, extra]) >= scoring.suggested_level(items)


@given(st.lists(evidence_items, min_size=1), st.data())
def test_an_action_moving_forward_never_lowers_the_suggestion(items, data):
    index = data.draw(st.integers(min_value=0, max_value=len(items) - 1))
    item = items[index]
    if item.status == "abandonnee":
        return
    later = data.draw(st.sampled_from(PROGRESS[PROGRESS.index(item.status) :]))
    moved = [*items[:index], Evidence(later, item.direct, item.through_dispositif, item.evaluated)]
    moved += items[index + 1 :]
    assert scoring.suggested_level(moved) >= scoring.suggested_level(items)


def test_the_suggestion_follows_the_documented_steps():
    idea = Evidence("idee")
    done = Evidence("realisee")
    dispositif = Evidence("en_cours", direct=False, through_dispositif=True)
    evaluated = Evidence("realisee", evaluated=True)
    assert scoring.suggested_level([]) == 0
    assert scoring.suggested_level([Evidence("abandonnee")]) == 0
    assert scoring.suggested_level([idea]) == 1
    assert scoring.suggested_level([done]) == 1
    assert scoring.suggested_level([idea, done]) == 2
    assert scoring.suggested_level([idea, done, dispositif]) == 3
    assert scoring.suggested_level([idea, evaluated]) == 2
    assert scoring.suggested_level([idea, evaluated, dispositif]) == 4
    idea_dispositif = Evidence("idee", direct=False, through_dispositif=True)
    assert scoring.suggested_level([idea, done, idea_dispositif]) == 2


def test_evolution_is_unknown_without_both_levels():
    assert scoring.evolution(None, 2) is None
    assert scoring.evolution(1, None) is None
    assert scoring.evolution(1.5, 3) == 1.5
