"""SKOS exports (Turtle, JSON-LD) through rdflib.

The référentiel is a skos:ConceptScheme, each element a skos:Concept whose address is its page
on this site. Links become skos:closeMatch (corresponds_to) or skos:related (the other kinds);
weights and link kinds have no SKOS term and stay in our own formats.
"""

from urllib.parse import quote

from django.conf import settings
from rdflib import DCTERMS, OWL, RDF, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from .document import ReferentielDocument

RDF_FORMATS = {"ttl": "turtle", "jsonld": "json-ld"}


def scheme_uri(slug: str, version: str) -> str:
    return f"{settings.SITE_URL}/referentiels/{quote(slug)}/{quote(version)}/"


def concept_uri(slug: str, version: str, code: str) -> URIRef:
    return URIRef(f"{scheme_uri(slug, version)}elements/{quote(code, safe='')}/")


def _texts(graph: Graph, subject: URIRef, predicate: URIRef, french: str, english: str) -> None:
    if french:
        graph.add((subject, predicate, Literal(french, lang="fr")))
    if english:
        graph.add((subject, predicate, Literal(english, lang="en")))


def build_graph(document: ReferentielDocument) -> Graph:
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dct", DCTERMS)
    graph.bind("owl", OWL)
    base = Namespace(scheme_uri(document.slug, document.version))
    scheme = URIRef(base)
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    _texts(graph, scheme, DCTERMS.title, document.title_fr, document.title_en)
    _texts(graph, scheme, DCTERMS.description, document.description_fr, document.description_en)
    graph.add((scheme, OWL.versionInfo, Literal(document.version)))
    graph.add((scheme, DCTERMS.identifier, Literal(document.slug)))
    if document.date:
        graph.add((scheme, DCTERMS.issued, Literal(document.date.isoformat(), datatype=XSD.date)))
    if document.licence:
        graph.add((scheme, DCTERMS.license, Literal(document.licence)))
    if document.source_url:
        graph.add((scheme, DCTERMS.source, URIRef(document.source_url)))
    for author in document.authors:
        graph.add((scheme, DCTERMS.creator, Literal(author)))
    concepts = {}
    for element in document.elements:
        concept = concept_uri(document.slug, document.version, element.code)
        concepts[element.code] = concept
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.notation, Literal(element.code)))
        graph.add((concept, DCTERMS.identifier, Literal(element.key)))
        _texts(graph, concept, SKOS.prefLabel, element.label_fr, element.label_en)
        _texts(graph, concept, SKOS.definition, element.description_fr, element.description_en)
        if element.parent_code is None:
            graph.add((concept, SKOS.topConceptOf, scheme))
            graph.add((scheme, SKOS.hasTopConcept, concept))
        else:
            parent = concepts[element.parent_code]
            graph.add((concept, SKOS.broader, parent))
            graph.add((parent, SKOS.narrower, concept))
    for link in document.links:
        if link.target_slug:
            target = concept_uri(
                link.target_slug, link.target_version or "derniere", link.target_code
            )
        else:
            target = concepts[link.target_code]
        predicate = SKOS.closeMatch if link.kind == "corresponds_to" else SKOS.related
        graph.add((concepts[link.source_code], predicate, target))
    return graph


def write(document: ReferentielDocument, format: str) -> str:
    return build_graph(document).serialize(format=RDF_FORMATS[format])
