"""The demo towns: sourced files, public, idempotent, removable, our reading labelled."""

import re
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command

from balises.cooperation.models import (
    Acteur,
    ActeurKind,
    Collectif,
    Contribution,
    Participation,
    TempsReflexif,
    Voyage,
)
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


def test_load_opens_four_public_demo_spaces_never_verified_and_without_members(demo, territoires):
    assert sorted(demo.loaded) == sorted(TOWNS.values())
    espaces = Espace.objects.filter(is_demo=True)
    assert espaces.count() == 4
    assert {espace.territoire_id for espace in espaces} == {t.pk for t in territoires}
    for espace in espaces:
        # « Vérifié » says staff confirmed a real team: no demo space ever carries it.
        assert not espace.is_verified and espace.verified_at is None
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
    assert "130 citoyens" in soleil.comment
    vital = Participation.objects.get(action__title__startswith="VITAL", role="contributeur")
    assert "terrains" in vital.comment and "locaux" in vital.comment
    assert not Contribution.objects.filter(action__title__startswith="VITAL").exists()
    # A loan is not money given: it is told in the lenders' participation, not a contribution.
    assert not Contribution.objects.filter(action__title__startswith="Prêt participatif").exists()
    church = Contribution.objects.get(action__title="Tuiles solaires sur l'église")
    assert (church.nature, church.amount, church.unit) == ("argent", 50000, "euros")
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


# -- Corrections: each fact as its sources state it ---------------------------------------


def _action(title_start: str) -> Action:
    return Action.objects.get(title__startswith=title_start)


def _text(action: Action) -> str:
    return " ".join(
        [action.summary, *(getattr(action, f"recit_{name}") for name in RECIT_SECTIONS)]
    )


RECIT_SECTIONS = (
    "contexte",
    "declencheur",
    "realisation",
    "obstacles",
    "tournants",
    "effets",
    "enseignements",
)


def test_the_church_roof_of_loos_dates_from_2013_and_powers_about_twelve_homes(demo):
    roof = _action("Toiture photovoltaïque de l'église Saint-Vaast")
    assert (roof.start.isoformat(), roof.start_precision) == ("2013-03-08", "day")
    assert roof.end.isoformat() == "2013-06-05"
    for figure in ("234 m²", "35 kWc", "32 MWh", "douzaine de foyers", "5 000 €"):
        assert figure in roof.summary, figure
    assert "mars 2013" in roof.summary and "juin 2013" in roof.summary
    # The 2014 / 69 households figure is shown only as the divergent source it is.
    assert "69" not in roof.summary and "69" not in roof.recit_realisation
    assert "Les sources divergent" in roof.recit_effets and "69 ménages" in roof.recit_effets
    assert "https://eglisesetecologies.com/" in roof.recit_realisation


def test_geotexia_is_told_with_its_shortfall_receivership_and_repayment(demo):
    geotexia = _action("Géotexia")
    assert geotexia.status != "realisee"
    text = _text(geotexia)
    assert "45,7 %" in text and "75 000 t" in text
    assert "redressement judiciaire" in text
    assert "936 000 €" in text and "2025" in text
    for amount in ("15,3 M€", "14 M€", "9,6 M€"):
        assert amount in geotexia.recit_realisation, amount
    assert ActionElement.objects.filter(action=geotexia, element__code="H4-B4").exists()


def test_grande_synthe_minimum_income_was_voted_in_march_and_paid_from_may_2019(demo):
    msg = _action("Minimum social garanti")
    text = _text(msg)
    assert "mars 2019" in text and "1er mai 2019" in text
    assert "avril" not in text


def test_grande_synthe_market_gardeners_came_in_autumn_2018_and_the_camp_is_told_right(demo):
    cantines = _action("Cantines bio et installation")
    assert "automne 2018" in cantines.summary and "installés en 2019" not in _text(cantines)
    camp = _action("Camp humanitaire")
    text = _text(camp)
    assert "1 300 personnes" in text and "1 500 places" in text and "2 500 sont prévues" in text
    assert "jusqu'à 2 500" not in text
    assert camp.start.isoformat() == "2016-03-07" and camp.end.isoformat() == "2017-04-10"


def test_mayors_have_the_end_of_their_mandate(demo):
    caron = Acteur.objects.get(name="Jean-François Caron")
    careme = Acteur.objects.get(name="Damien Carême")
    assert caron.delegation == "maire de 2001 à 2023"
    assert careme.delegation == "maire de 2001 à 2019"
    for participation in Participation.objects.filter(acteur__kind=ActeurKind.ELU):
        assert "depuis 2001" not in participation.comment, participation.comment
    assert Evenement.objects.filter(title="Damien Carême quitte la mairie").exists()
    assert Evenement.objects.filter(title="Fin du mandat de Jean-François Caron").exists()


def test_malaunay_lenders_are_mostly_not_inhabitants_and_the_loan_is_no_gift(demo):
    loan = _action("Prêt participatif pour le solaire des écoles")
    assert "minorité" in loan.summary
    assert "21 habitent Malaunay" in loan.recit_effets
    lenders = Participation.objects.filter(action=loan)
    habitants = [p for p in lenders if p.acteur.kind == ActeurKind.HABITANT]
    assert [p.acteur.name for p in habitants] == ["Prêteurs habitant Malaunay"]
    assert all("pas un don" in p.comment for p in habitants)
    assert not Contribution.objects.filter(action=loan).exists()


# -- Sources: every fact with its address, no raw keys, divergences shown -------------------


def _all_texts():
    for model in RECORDS:
        for record in model.objects.all():
            fields = [
                f.name for f in model._meta.get_fields() if f.get_internal_type() == "TextField"
            ]
            for field in ["title", "name", *fields]:
                if hasattr(record, field):
                    yield record, str(getattr(record, field) or "")
    for link in ActionElement.objects.all():
        yield link, link.justification
    for lien in LienAction.objects.all():
        yield lien, lien.note
    for model in (Acteur, Participation, Contribution):
        for record in model.objects.all():
            for field in ("description", "comment", "delegation"):
                if hasattr(record, field):
                    yield record, getattr(record, field)
    for model in (Collectif, Voyage, TempsReflexif):
        for record in model.objects.all():
            for field in ("description", "learnt", "what_worked", "what_did_not", "decisions"):
                if hasattr(record, field):
                    yield record, getattr(record, field)


def test_no_raw_source_key_reaches_any_text(demo):
    for record, text in _all_texts():
        assert not re.search(r"\bS\d+\b", text), (record, text)


def test_a_file_leaving_a_source_key_outside_a_citation_is_refused(tmp_path):
    path = next(path for path in demo_files() if path.stem == "malaunay")
    text = path.read_text(encoding="utf-8").replace("sur le plan symbolique (S30)", "(S30 ici)", 1)
    broken = tmp_path / path.name
    broken.write_text(text, encoding="utf-8")
    assert any("S30" in error for error in TownFile(broken).errors)


def test_every_fact_about_a_real_town_carries_its_source_address(demo):
    for model in RECORDS:
        for record in model.objects.prefetch_related("sources"):
            assert record.sources.exists(), record
            assert all(s.url.startswith(("http://", "https://")) for s in record.sources.all())
    for action in Action.objects.all():
        # Each récit section that tells a fact links to a source (our reading says so).
        for name in RECIT_SECTIONS:
            text = getattr(action, f"recit_{name}")
            if text and not text.startswith("Notre lecture"):
                assert "](http" in text, (action, name, text)


def test_divergences_list_each_figure_with_its_sources(demo):
    assert demo.counts["divergences"] >= 8
    for path in demo_files():
        town = TownFile(path)
        for row in town.items("actions"):
            for divergence in row.get("divergences") or []:
                action = Action.objects.get(
                    espace__territoire__code=town.territoire["code"], title=row["title"]
                )
                section = getattr(action, f"recit_{divergence.get('section', 'realisation')}")
                assert "Les sources divergent" in section
                for value in divergence["valeurs"]:
                    assert value["valeur"] in section
                    for key in value["sources"]:
                        assert town.sources[key].url in section


def test_the_action_page_shows_the_divergence(demo, client):
    geotexia = _action("Géotexia")
    content = client.get(
        f"/espaces/{geotexia.espace.slug}/trajectoire/actions/{geotexia.pk}/"
    ).content.decode()
    assert "<blockquote>" in content
    assert "Les sources divergent : montant de l&#x27;investissement." in content or (
        "Les sources divergent : montant de l'investissement." in content
    )
    assert "https://demainlevexin.fr/" in content


def test_a_divergence_with_a_single_value_is_refused(tmp_path):
    path = next(path for path in demo_files() if path.stem == "le-mene")
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    geotexia = next(a for a in document["actions"] if a["key"] == "geotexia")
    geotexia["divergences"][0]["valeurs"] = geotexia["divergences"][0]["valeurs"][:1]
    other = tmp_path / path.name
    other.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    assert any("au moins deux valeurs" in error for error in TownFile(other).errors)


# -- Clubs, voyages, temps réflexifs --------------------------------------------------------


def test_the_visit_from_loos_to_grande_synthe_is_a_sourced_voyage(demo):
    voyage = Voyage.objects.get(title="Visite des cantines bio de Grande-Synthe")
    assert voyage.espace.territoire.code == "62528"
    assert voyage.territoire.code == "59271"
    assert voyage.date.isoformat() == "2019-03-29"
    assert "https://fabrique-emploi.fr/" in voyage.learnt
    assert "notre lecture" in voyage.learnt
    assert voyage.dispositif.code == "H1-D3"
    assert [a.name for a in voyage.participants.all()] == [
        "Groupe loossois de l'emploi et de l'insertion"
    ]


def test_clubs_and_reflexive_times_load_with_their_sources(demo):
    assert demo.counts["clubs et collectifs"] == Collectif.objects.count() >= 2
    assert demo.counts["temps réflexifs"] == TempsReflexif.objects.count() >= 1
    for collectif in Collectif.objects.all():
        assert "http" in collectif.description and "notre lecture" in collectif.description
        assert collectif.dispositif.code == "H2-D3"
    atelier = TempsReflexif.objects.get(title="Premier atelier des Villes pairs")
    assert "https://blogs.mediapart.fr/" in atelier.what_worked
    assert atelier.visibility == Visibility.PUBLIC
    reasons = set(Voyage.history.values_list("history_change_reason", flat=True))
    assert reasons == {CHANGE_REASON}


def test_the_code_source_of_loos_illustrates_h1_b2_as_our_reading(demo):
    evaluation = _action("Démonstrateur ADEME")
    assert "code source loossois" in evaluation.recit_realisation
    link = ActionElement.objects.get(action=evaluation, element__code="H1-B2")
    assert link.is_interpretation and link.justification.startswith("Notre lecture")


# -- Groups of inhabitants: not persons, their sources visible --------------------------------


def test_demo_inhabitants_are_groups_named_with_their_sources_visible(demo, client):
    groupe = Acteur.objects.get(name="Citoyens actionnaires de Mine de Soleil")
    assert groupe.is_group and not groupe.is_protected
    content = client.get(
        f"/espaces/{groupe.espace.slug}/cooperation/acteurs/{groupe.pk}/"
    ).content.decode()
    assert "Citoyens actionnaires de Mine de Soleil" in content
    assert "https://cler.org/" in content
    assert "notre lecture" in content.lower()


def test_a_file_with_an_individual_inhabitant_is_refused(tmp_path):
    path = demo_files()[0]
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["cooperation"]["acteurs"].append({"name": "Une habitante", "kind": "habitant"})
    other = tmp_path / path.name
    other.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    assert any("toujours un groupe" in error for error in TownFile(other).errors)


# -- A real team takes a demo town's space over ---------------------------------------------


def test_a_real_team_opening_a_demo_town_takes_its_space_over(demo, territoires, alice):
    from balises.espaces.services import open_espace

    loos = territoires[0]
    demo_pk = Espace.objects.get(territoire=loos).pk
    real = open_espace(loos, alice)
    assert real.pk != demo_pk and not real.is_demo and real.slug == "loos-en-gohelle-62528"
    assert real.adhesions.get(user=alice).role == "referent"
    # The demo moved aside with everything it held; the other towns keep theirs.
    assert not Action.objects.filter(espace=real).exists()
    assert not Acteur.objects.filter(espace_id=demo_pk).exists()
    assert Espace.objects.filter(is_demo=True).count() == 3
    gone = Espace.history.filter(id=demo_pk, history_type="-").get()
    assert gone.history_user == alice
    # Loading the demo again leaves the real space alone.
    report = load_demo()
    assert any("espace réel" in line for line in report.skipped)


def test_the_territory_page_offers_a_team_to_open_the_real_space(demo, territoires, client, alice):
    client.force_login(alice)
    content = client.get(f"/territoires/{territoires[0].uid}/").content.decode()
    assert "démonstration" in content
    assert "Ouvrir l'espace réel de ce territoire" in content
    response = client.post("/espaces/ouvrir/", {"territoire": territoires[0].pk})
    assert response.status_code == 302
    assert not Espace.objects.get(territoire=territoires[0]).is_demo


def test_staff_cannot_verify_a_demo_space_and_do_not_see_it_to_verify(demo, make_user, client):
    from balises.espaces.services import EspaceError, verify_espace

    staff = make_user("staff@example.org", name="Staff", is_staff=True)
    espace = Espace.objects.filter(is_demo=True).first()
    with pytest.raises(EspaceError):
        verify_espace(espace, staff)
    client.force_login(staff)
    content = client.get("/espaces/a-verifier/").content.decode()
    assert espace.name not in content


def test_a_demo_page_shows_no_verification_badge(demo, client):
    content = client.get("/espaces/loos-en-gohelle-62528/").content.decode()
    assert "non vérifié" not in content and "Vérifié le" not in content
    assert "démonstration" in content


def test_loading_unverifies_demo_spaces_of_an_earlier_version(demo):
    Espace.objects.filter(is_demo=True).update(is_verified=True)
    load_demo()
    assert not Espace.objects.filter(is_demo=True, is_verified=True).exists()


def test_reload_picks_up_the_files_again(demo):
    from balises.demo.loader import reload_demo

    Action.objects.filter(title__startswith="Géotexia").update(summary="ancien")
    report = reload_demo()
    assert len(report.loaded) == 4
    assert _action("Géotexia").summary != "ancien"


# -- Home page --------------------------------------------------------------------------------


def test_the_home_page_links_to_the_four_demo_towns(demo, client):
    content = client.get("/").content.decode()
    for espace in Espace.objects.filter(is_demo=True):
        assert f"/espaces/{espace.slug}/trajectoire/" in content
    assert "fiches d'expérience" not in content and "valeur créée" not in content
