"""Addresses of the diagnostics app, mounted under /espaces/<slug>/diagnostics/."""

from django.urls import path

from balises.diagnostics.views import answer, results
from balises.diagnostics.views import campagnes as views

app_name = "diagnostics"
urlpatterns = [
    path("", views.campagne_list, name="campagne_list"),
    path("campagnes.json", views.campagne_list_json, name="campagne_list_json"),
    path("nouvelle/", views.campagne_create, name="campagne_create"),
    path("evolution/", results.evolution_page, name="evolution"),
    path("evolution.json", results.evolution_json, name="evolution_json"),
    path("<int:pk>/", views.campagne_detail, name="campagne_detail"),
    path("<int:pk>/etat/", views.campagne_status, name="campagne_status"),
    path("<int:pk>/publication/", views.campagne_publish, name="campagne_publish"),
    path("<int:pk>/repondants/ajouter/", views.repondant_add, name="repondant_add"),
    path("<int:pk>/repondants/inviter/", views.repondant_invite, name="repondant_invite"),
    path(
        "<int:pk>/repondants/<int:rpk>/rouvrir/",
        views.repondant_manage,
        {"op": "rouvrir"},
        name="repondant_reopen",
    ),
    path(
        "<int:pk>/repondants/<int:rpk>/lien/",
        views.repondant_manage,
        {"op": "lien"},
        name="repondant_link",
    ),
    path(
        "<int:pk>/repondants/<int:rpk>/retirer/",
        views.repondant_manage,
        {"op": "retirer"},
        name="repondant_remove",
    ),
    path("<int:pk>/repondre/", answer.answer, name="answer"),
    path("<int:pk>/repondre/soumettre/", answer.submit, name="submit"),
    path("repondre/<str:token>/", answer.answer_by_link, name="answer_by_link"),
    path("repondre/<str:token>/soumettre/", answer.submit_by_link, name="submit_by_link"),
    path("<int:pk>/resultats/", results.results_page, name="results"),
    path("<int:pk>/resultats.json", results.results_json, name="results_json"),
    path("<int:pk>/resultats.csv", results.results_csv, name="results_csv"),
    path("<int:pk>/rapport/", results.report, name="report"),
]
