import pytest
from django.core.exceptions import PermissionDenied
from hypothesis import given
from hypothesis import strategies as st

from balises.referentiels import services
from balises.referentiels.diff import ElementRow, diff_elements
from balises.referentiels.models import Element, Lien


def test_a_derived_version_keeps_keys_links_and_levels(mini, make_user):
    owner = make_user(is_staff=True)
    new = services.derive_version(mini, "2", owner=owner)
    assert new.derived_from == mini and new.owner == owner and not new.is_builtin
    assert set(new.elements.values_list("key", flat=True)) == set(
        mini.elements.values_list("key", flat=True)
    )
    assert Lien.objects.filter(source__referentiel=new, target__referentiel=new).count() == 2
    assert new.maturity_levels.count() == 2
    assert services.diff_versions(mini, new).is_empty
    created = Element.history.filter(referentiel_id=new.pk, history_type="+")
    assert created.count() == 5 and set(created.values_list("history_user", flat=True)) == {
        owner.pk
    }


def test_diff_lists_added_removed_moved_and_reworded_elements(mini):
    new = services.derive_version(mini, "2")
    Element.objects.filter(referentiel=new, code="H1-B2").delete()
    moved = new.elements.get(code="H2-M1")
    moved.parent = new.elements.get(code="H1")
    moved.label_fr = "Mesurer les effets systémiques"
    moved.save()
    Element.objects.create(
        referentiel=new, kind=new.kinds.get(code="theme"), code="H3", key="h3", label_fr="Nouveau"
    )
    changes = services.diff_versions(mini, new)
    assert [c.code for c in changes.added] == ["H3"]
    assert [c.code for c in changes.removed] == ["H1-B2"]
    assert [(c.code, c.old_parent, c.new_parent) for c in changes.moved] == [("H2-M1", "H2", "H1")]
    assert [(c.code, c.fields) for c in changes.reworded] == [("H2-M1", ["label_fr"])]


def test_a_renumbered_element_is_the_same_element(mini):
    new = services.derive_version(mini, "2")
    new.elements.filter(code="H1").update(code="T1")
    changes = services.diff_versions(mini, new)
    assert changes.is_empty


def test_the_builtin_referentiel_cannot_be_edited_even_by_a_superuser(villes_pairs, make_user):
    admin = make_user(is_staff=True, is_superuser=True)
    with pytest.raises(PermissionDenied, match="nouvelle version"):
        services.ensure_editable(villes_pairs, admin)
    new = services.derive_version(villes_pairs, "2026-01", owner=admin)
    services.ensure_editable(new, admin)


def test_only_the_owner_among_staff_edits_a_referentiel(mini, make_user):
    owner, other = make_user(is_staff=True), make_user(is_staff=True)
    mine = services.derive_version(mini, "2", owner=owner)
    assert services.can_edit(mine, owner) and not services.can_edit(mine, other)


rows = st.lists(
    st.builds(
        ElementRow,
        key=st.sampled_from("abcdefgh"),
        code=st.text(max_size=3),
        kind=st.just("k"),
        parent_key=st.none() | st.sampled_from("abcdefgh"),
        label_fr=st.sampled_from(["x", "y"]),
    ),
    unique_by=lambda row: row.key,
)


@given(rows, rows)
def test_diff_accounts_for_every_key_exactly(old, new):
    changes = diff_elements(old, new)
    old_keys, new_keys = {r.key for r in old}, {r.key for r in new}
    assert {c.key for c in changes.added} == new_keys - old_keys
    assert {c.key for c in changes.removed} == old_keys - new_keys
    assert {c.key for c in changes.moved} | {c.key for c in changes.reworded} <= old_keys & new_keys
    assert diff_elements(new, new).is_empty
