"""Closed vocabularies of a trajectory. Codes are ASCII and stable; labels are French."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    IDEE = "idee", _("idée")
    PREPARATION = "preparation", _("en préparation")
    EN_COURS = "en_cours", _("en cours")
    REALISEE = "realisee", _("réalisée")
    PAUSE = "pause", _("en pause")
    ABANDONNEE = "abandonnee", _("abandonnée")


class Theme(models.TextChoices):
    ENERGIE = "energie", _("énergie")
    ALIMENTATION = "alimentation", _("alimentation")
    MOBILITE = "mobilite", _("mobilité")
    HABITAT = "habitat", _("habitat")
    BIODIVERSITE = "biodiversite", _("biodiversité")
    EAU = "eau", _("eau")
    DECHETS = "dechets", _("déchets")
    ECONOMIE_LOCALE = "economie_locale", _("économie locale")
    DEMOCRATIE = "democratie", _("démocratie et participation")
    CULTURE_RECIT = "culture_recit", _("culture et récit")
    SANTE = "sante", _("santé")
    SOLIDARITE = "solidarite", _("solidarité")
    EDUCATION = "education", _("éducation")
    AMENAGEMENT = "amenagement", _("aménagement et urbanisme")
    PATRIMOINE = "patrimoine", _("patrimoine")


class Scale(models.TextChoices):
    QUARTIER = "quartier", _("quartier")
    COMMUNE = "commune", _("commune")
    INTERCOMMUNALITE = "intercommunalite", _("intercommunalité")
    DEPARTEMENT = "departement", _("département")
    REGION = "region", _("région")
    NATIONAL = "national", _("national")
    EUROPEEN = "europeen", _("européen")


class Precision(models.TextChoices):
    """How much of a stored date is known: « 2014 », « mars 2014 » or « 12 mars 2014 »."""

    YEAR = "year", _("année")
    MONTH = "month", _("mois")
    DAY = "day", _("jour")


class EventKind(models.TextChoices):
    APPEL_A_PROJETS = "appel_a_projets", _("appel à projets")
    DEPART_RETRAITE = "depart_retraite", _("départ en retraite")
    CRISE = "crise", _("crise")
    ELECTION = "election", _("élection")
    LABEL_PRIX = "label_prix", _("label ou prix")
    RENCONTRE = "rencontre", _("rencontre")
    AUTRE = "autre", _("autre")


class LinkKind(models.TextChoices):
    ENTRAINE = "entraine", _("entraîne")
    S_APPUIE_SUR = "s_appuie_sur", _("s'appuie sur")
    ELARGIT = "elargit", _("élargit")
    PROLONGE = "prolonge", _("prolonge")


class Widening(models.TextChoices):
    """What a systemic leap widened at once."""

    ACTEURS = "acteurs", _("les acteurs")
    ECHELLE = "echelle", _("l'échelle")
    ENJEUX = "enjeux", _("les enjeux")
    MODELE_ECONOMIQUE = "modele_economique", _("le modèle économique")
