"""Closed vocabularies of cooperation. Codes are ASCII and stable; labels are French."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActeurKind(models.TextChoices):
    ELU = "elu", _("élu·e")
    SERVICE = "service", _("service de la collectivité")
    HABITANT = "habitant", _("habitant·e ou groupe d'habitants")
    ASSOCIATION = "association", _("association")
    ENTREPRISE = "entreprise", _("entreprise ou opérateur économique")
    PARTENAIRE_PUBLIC = "partenaire_public", _("partenaire public")
    RECHERCHE = "recherche", _("recherche et accompagnement")


class Level(models.TextChoices):
    """The participation ladder, from the weakest to the strongest involvement."""

    INFORMATION = "information", _("information")
    CONSULTATION = "consultation", _("consultation")
    CONCERTATION = "concertation", _("concertation")
    CO_CONSTRUCTION = "co_construction", _("co-construction")
    CO_PRODUCTION = "co_production", _("co-production ou co-décision")


LEVEL_RANK = {level.value: rank for rank, level in enumerate(Level, start=1)}


class ParticipationRole(models.TextChoices):
    PORTEUR = "porteur", _("porteur")
    PILOTE = "pilote", _("pilote")
    PARTENAIRE = "partenaire", _("partenaire")
    FINANCEUR = "financeur", _("financeur")
    BENEFICIAIRE = "beneficiaire", _("bénéficiaire")
    CONTRIBUTEUR = "contributeur", _("contributeur")


class Nature(models.TextChoices):
    TEMPS = "temps", _("temps")
    ARGENT = "argent", _("argent")
    EN_NATURE = "en_nature", _("en nature")
    COMPETENCES = "competences", _("compétences")


class InKind(models.TextChoices):
    """What an in-kind contribution lends or gives."""

    FONCIER = "foncier", _("foncier")
    LOCAUX = "locaux", _("locaux")
    MATERIEL = "materiel", _("matériel")
    AUTRE = "autre", _("autre")


class Unit(models.TextChoices):
    HEURES = "heures", _("heures")
    ETP = "etp", _("ETP (équivalent temps plein)")
    EUROS = "euros", _("euros")
    M2 = "m2", _("m²")
    UNITES = "unites", _("unités")


class PeriodKind(models.TextChoices):
    MONTH = "month", _("mois")
    YEAR = "year", _("année")
