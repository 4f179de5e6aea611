"""The demo towns: sourced files, public, idempotent, removable, our reading labelled."""

from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command

from balises.cooperation.models import Acteur, ActeurKind, Contribution, Participation
from balises.demo.apps import DemoConfig
from balises.demo.files import DemoFileError, TownFile, demo_files
from balises.demo.loader import (
    CHANGE_REASON,
    DemoError,
    load_demo,
    remove_demo,
    should_seed,
)
from balises.espaces.models import Adhesion, Espace, Visibility
from balises.referentiels.apps import BUILTIN_FILES
from balises.referentiels.builtin import load_builtin
from balises.territoires.models import Territoire
from balises.trajectoires.models import (
    Action,
    ActionElement,
    Evenement,
    LienAction,
    Phase,
    SautSystemique,
    Source,
)

TOWNS = {
    "62528": "Loos-en-Gohelle",
    "22046": "Le Mené",
    "76402": "Malaunay",
    "59271": "Grande-Synthe",
}
RECORDS = (Action, Evenement, Phase, SautSystemique)


def _walk(elements):
    for element in elements:
        yield element["code"]
        yield from _walk(element.get("children") or [])


def referentiel_codes() -> set[str]:
    document = yaml.safe_load(BUILTIN_FILES[0].read_text(encoding="utf-8"))
    return set(_walk(document["elements"]))


@pytest.fixture
def territoires(db):
    return [
        Territoire.objects.create(kind="commune", code=code, name=name, search_name=name.lower())
        for code, name in TOWNS.items()
    ]


@pytest.fixture
def villes_pairs(db):
    return load_builtin(BUILTIN_FILES[0])


@pytest.fixture
def demo(territoires, villes_pairs):
    return load_demo()


# -- The files themselves ------------------------------------------------------------------


def test_there_is_one_file_per_pilot_town_naming_its_national_territory():
    towns = {TownFile(path).territoire["code"]: TownFile(path).name for path in demo_files()}
    assert towns == TOWNS


@pytest.mark.parametrize("path", demo_files(), ids=lambda path: path.stem)
def test_every_demo_file_follows_the_format_and_cites_only_its_own_sources(path):
    assert TownFile(path).errors == []


@pytest.mark.parametrize("path", demo_files(), ids=lambda path: path.stem)
def test_demo_files_only_use_element_codes_of_the_villes_pairs_referentiel(path):
    used = TownFile(path).element_codes()
    assert used, "each town illustrates some balises"
    assert used <= referentiel_codes()


def test_a_file_citing_an_unknown_source_is_refused(tmp_path):
    loos = next(path for path in demo_files() if path.stem == "loos-en-gohelle")
    text = Path(loos).read_text(encoding="utf-8")
    assert "(S15)" in text
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("(S15)", "(S999)", 1), encoding="utf-8")
    assert any("S999" in error for error in TownFile(broken).errors)


def test_a_file_in_another_format_is_refused(tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text("format: autre/1\n", encoding="utf-8")
    with pytest.raises(DemoFileError, match="balises-demo/1"):
        TownFile(other)


# -- Loading ---------------------------------------------------------------------------------


def test_load_opens_four_public_verified_demo_spaces_without_members(demo, territoires):
    assert sorted(demo.loaded) == sorted(TOWNS.values())
    espaces = Espace.objects.filter(is_demo=True)
    assert espaces.count() == 4
    assert {espace.territoire_id for espace in espaces} == {t.pk for t in territoires}
    for espace in espaces:
        assert espace.is_verified
        assert espace.default_visibility == Visibility.PUBLIC
        assert espace.created_by is None
    assert not Adhesion.objects.exists()


def test_each_town_has_actions_events_phases_leaps_and_links(demo):
    for espace in Espace.objects.filter(is_demo=True):
        assert Action.objects.filter(espace=espace).count() >= 6
        assert Phase.objects.filter(espace=espace).exists()
        assert Evenement.objects.filter(espace=espace).exists()
        assert SautSystemique.objects.filter(espace=espace).exists()
        assert LienAction.objects.filter(source__espace=espace).exists()
        assert ActionElement.objects.filter(action__espace=espace).exists()
    assert demo.counts["actions"] == Action.objects.count()


@pytest.mark.parametrize("model", RECORDS, ids=lambda model: model.__name__)
def test_every_record_has_at_least_one_source_with_a_web_address(demo, model):
    for record in model.objects.prefetch_related("sources"):
        urls = [source.url for source in record.sources.all()]
        assert urls, f"{record} has no source"
        assert all(url.startswith(("http://", "https://")) for url in urls)


def test_every_link_to_a_balise_is_justified_and_marked_as_our_reading(demo):
    links = ActionElement.objects.select_related("element__referentiel")
    assert links.count() == demo.counts["liens aux balises"]
    for link in links:
        assert link.justification.strip()
        assert link.is_interpretation
        assert link.element.referentiel.slug == "villes-pairs"


def test_citations_become_links_to_the_sources_in_the_recits(demo):
    action = Action.objects.get(title="Toiture photovoltaïque de l'église Saint-Vaast")
    assert "(S15)" not in action.recit_contexte
    assert "(https://villepilote.loos-en-gohelle.fr/energie)" in action.recit_contexte
    for model in RECORDS:
        for record in model.objects.all():
            assert "(S1" not in getattr(record, "description", ""), record


@pytest.mark.parametrize("model", [*RECORDS, Source], ids=lambda model: model.__name__)
def test_anonymous_visitors_see_every_demo_record(demo, model):
    if model is Source:
        assert Source.objects.filter(espace__is_demo=True).count() == demo.counts["sources"]
        return
    total = model.objects.count()
    assert total
    assert model.objects.visible_to(AnonymousUser()).count() == total


def test_history_entries_say_they_are_demo_data(demo):
    action = Action.objects.first()
    reasons = {entry.history_change_reason for entry in action.history.all()}
    assert reasons == {CHANGE_REASON}
    espace = Espace.objects.filter(is_demo=True).first()
    assert espace.history.first().history_change_reason == CHANGE_REASON
    for model in (Acteur, Participation, Contribution):
        assert model.history.exists()
        reasons = set(model.history.values_list("history_change_reason", flat=True))
        assert reasons == {CHANGE_REASON}, model


def test_loading_again_changes_nothing(demo):
    counts = {model: model.objects.count() for model in (*RECORDS, Source, LienAction)}
    again = load_demo()
    assert again.loaded == []
    assert len(again.skipped) == 4
    assert {model: model.objects.count() for model in counts} == counts


def test_a_town_whose_space_is_already_run_by_a_team_is_left_alone(
    territoires, villes_pairs, alice
):
    from balises.espaces.services import open_espace

    real = open_espace(territoires[0], alice)
    report = load_demo()
    assert any("espace réel" in line for line in report.skipped)
    assert not Action.objects.filter(espace=real).exists()
    assert Espace.objects.filter(is_demo=True).count() == 3


def test_load_without_the_referentiel_refuses_and_writes_nothing(territoires):
    with pytest.raises(DemoError, match="Villes pairs"):
        load_demo()
    assert not Espace.objects.exists()


def test_load_with_a_missing_territory_refuses_and_writes_nothing(territoires, villes_pairs):
    Territoire.objects.filter(code="59271").delete()
    with pytest.raises(DemoError, match="59271"):
        load_demo()
    assert not Espace.objects.exists()
    assert not Source.objects.exists()


# -- Removing --------------------------------------------------------------------------------


def test_remove_deletes_the_demo_spaces_and_nothing_else(demo, territoire_a, alice, villes_pairs):
    from balises.espaces.services import open_espace

    real = open_espace(territoire_a, alice)
    kept = Action.objects.create(espace=real, title="Jardin partagé", visibility="prive")
    removed = remove_demo()
    assert sorted(removed) == sorted(TOWNS.values())
    assert list(Espace.objects.all()) == [real]
    assert list(Action.objects.all()) == [kept]
    assert not Source.objects.exists()
    assert not ActionElement.objects.exists()
    assert Territoire.objects.filter(code__in=TOWNS).count() == 4
    assert villes_pairs.elements.exists()


# -- Cooperation: who took part, and what they gave -----------------------------------------


def test_each_town_has_actors_and_participations_and_some_contributions(demo):
    for espace in Espace.objects.filter(is_demo=True):
        assert Acteur.objects.filter(espace=espace).count() >= 3, espace
        assert Participation.objects.filter(action__espace=espace).count() >= 3, espace
    assert Contribution.objects.filter(action__espace__is_demo=True).count() >= 2
    assert demo.counts["acteurs"] == Acteur.objects.count()
    assert demo.counts["participations"] == Participation.objects.count()
    assert demo.counts["contributions"] == Contribution.objects.count()


def test_the_sourced_facts_of_the_issue_are_there(demo):
    citeol = Participation.objects.get(action__title__startswith="Citéol", acteur__kind="habitant")
    assert "147 foyers" in citeol.comment and citeol.acteur.is_group
    assert Participation.objects.filter(action__title__startswith="Citéol", acteur__name="Sicap")
    soleil = Participation.objects.get(action__title__startswith="Mine de Soleil", role="financeur")
    assert "130 habitants" in soleil.comment
    vital = Participation.objects.get(action__title__startswith="VITAL", role="contributeur")
    assert "terrains" in vital.comment and "locaux" in vital.comment
    assert not Contribution.objects.filter(action__title__startswith="VITAL").exists()
    loan = Contribution.objects.get(action__title="Prêt participatif pour le solaire des écoles")
    assert (loan.nature, loan.amount, loan.unit) == ("argent", 50000, "euros")
    assert Acteur.objects.filter(name="ADEME", kind=ActeurKind.PARTENAIRE_PUBLIC).count() == 2


def test_every_participation_and_contribution_cites_a_source_of_its_own_town(demo):
    links = [
        *Participation.objects.select_related("action"),
        *Contribution.objects.select_related("action"),
    ]
    assert links
    for link in links:
        urls = set(
            Source.objects.filter(espace=link.action.espace_id).values_list("url", flat=True)
        )
        assert any(url in link.comment for url in urls), link.comment
        assert "(S" not in link.comment, link.comment


def test_participation_levels_and_roles_say_they_are_our_reading(demo):
    for participation in Participation.objects.all():
        assert "notre lecture" in participation.comment.lower(), participation.comment


def test_groups_of_inhabitants_carry_no_personal_data(demo):
    habitants = Acteur.objects.filter(kind=ActeurKind.HABITANT)
    assert habitants.exists()
    assert all(acteur.is_group and acteur.user_id is None for acteur in habitants)


def test_contribution_amounts_come_only_from_sourced_figures(demo):
    for contribution in Contribution.objects.all():
        figure = f"{int(contribution.amount):,}".replace(",", " ")
        assert figure in contribution.comment, contribution.comment


def test_loading_again_adds_no_actor_nor_link(demo):
    counts = {model: model.objects.count() for model in (Acteur, Participation, Contribution)}
    load_demo()
    assert {model: model.objects.count() for model in counts} == counts


def test_remove_deletes_the_demo_actors_and_their_links(demo):
    remove_demo()
    assert not Acteur.objects.exists()
    assert not Participation.objects.exists()
    assert not Contribution.objects.exists()


def test_a_file_whose_participation_cites_no_source_is_refused(tmp_path):
    path = demo_files()[0]
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["cooperation"]["participations"][0]["comment"] = "Sans source."
    other = tmp_path / path.name
    other.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    assert any("citer au moins une source" in error for error in TownFile(other).errors)


def test_a_file_whose_participation_names_an_unknown_action_is_refused(tmp_path):
    path = demo_files()[0]
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["cooperation"]["participations"][0]["action"] = "Une action qui n'existe pas"
    other = tmp_path / path.name
    other.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    assert any("action inconnue" in error for error in TownFile(other).errors)


def test_the_command_loads_reports_and_removes(territoires, villes_pairs):
    out = StringIO()
    call_command("demo", "load", stdout=out)
    assert "Démonstration chargée" in out.getvalue()
    out = StringIO()
    call_command("demo", "status", stdout=out)
    assert "Loos-en-Gohelle (/loos-en-gohelle-62528)" in out.getvalue()
    call_command("demo", "remove", stdout=StringIO())
    assert not Espace.objects.exists()
    out = StringIO()
    call_command("demo", "status", stdout=out)
    assert "Aucun espace de démonstration" in out.getvalue()


def test_the_command_explains_why_it_cannot_load(territoires):
    with pytest.raises(CommandError, match="balises setup"):
        call_command("demo", "load", stdout=StringIO())
    assert not Espace.objects.exists()


# -- Seeding (balises setup, make run) -------------------------------------------------------


def _seed():
    config = apps.get_app_config("demo")
    assert isinstance(config, DemoConfig)
    config.seed(StringIO())


def test_seed_loads_the_demo_into_an_empty_database(territoires, villes_pairs, monkeypatch):
    monkeypatch.delenv("BALISES_DEMO", raising=False)
    _seed()
    assert Espace.objects.filter(is_demo=True).count() == 4


def test_seed_does_nothing_once_a_space_exists(territoires, villes_pairs, territoire_a, alice):
    from balises.espaces.services import open_espace

    open_espace(territoire_a, alice)
    assert not should_seed()
    _seed()
    assert not Espace.objects.filter(is_demo=True).exists()


def test_a_removed_demo_does_not_come_back_with_the_next_seed(demo):
    remove_demo()
    _seed()
    assert not Espace.objects.exists()
    load_demo()
    assert Espace.objects.filter(is_demo=True).count() == 4


def test_seed_waits_for_the_territories_and_the_referentiel(territoires):
    assert not should_seed()
    _seed()
    assert not Espace.objects.exists()


def test_balises_demo_0_turns_the_seed_off(territoires, villes_pairs, monkeypatch):
    monkeypatch.setenv("BALISES_DEMO", "0")
    _seed()
    assert not Espace.objects.exists()


# -- Pages -----------------------------------------------------------------------------------


def test_a_demo_space_page_says_it_is_a_demonstration_built_on_sourced_facts(demo, client):
    content = client.get("/espaces/loos-en-gohelle-62528/").content.decode()
    assert "démonstration" in content
    assert "notre lecture" in content


def test_a_real_space_page_has_no_demonstration_notice(territoire_a, alice, client):
    from balises.espaces.services import open_espace

    open_espace(territoire_a, alice)
    assert "espace-demo" not in client.get("/espaces/pontaval-sur-mer-99001/").content.decode()
