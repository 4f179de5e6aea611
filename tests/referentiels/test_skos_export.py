import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from balises.referentiels import services
from balises.referentiels.formats.skos import concept_uri

from .conftest import DATA


@pytest.mark.parametrize("format,parser", [("ttl", "turtle"), ("jsonld", "json-ld")])
def test_skos_export_parses_back_as_a_concept_scheme(mini, format, parser):
    graph = Graph().parse(data=services.export_referentiel(mini, format), format=parser)
    assert len(list(graph.subjects(RDF.type, SKOS.ConceptScheme))) == 1
    assert len(list(graph.subjects(RDF.type, SKOS.Concept))) == 5
    b1 = concept_uri("mini", "1", "H1-B1")
    h1 = concept_uri("mini", "1", "H1")
    assert (b1, SKOS.prefLabel, Literal("Coopérer avec les habitants", lang="fr")) in graph
    assert (b1, SKOS.prefLabel, Literal("Cooperating with residents", lang="en")) in graph
    assert (b1, SKOS.broader, h1) in graph and (h1, SKOS.narrower, b1) in graph
    m1 = concept_uri("mini", "1", "H2-M1")
    assert (m1, SKOS.related, b1) in graph
    assert (h1, SKOS.definition, Literal("Une **hypothèse** de départ.", lang="fr")) in graph


def test_correspondences_to_another_referentiel_are_close_matches(mini):
    cible = services.import_referentiel(DATA / "cible.yaml").referentiel
    graph = Graph().parse(data=services.export_referentiel(cible, "ttl"), format="turtle")
    assert (
        concept_uri("cible", "1", "A"),
        SKOS.closeMatch,
        concept_uri("mini", "1", "H1-B1"),
    ) in graph
