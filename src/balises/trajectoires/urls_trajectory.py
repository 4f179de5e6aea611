"""Addresses of the views of a trajectory (timeline, graph, coverage, overview)."""

from django.urls import path

from balises.trajectoires.views import trajectory as views
from balises.trajectoires.views import trajectory_json

urlpatterns: list = [
    path("", views.overview, name="overview"),
    path("frise/", views.frise, name="frise"),
    path("frise.json", trajectory_json.frise_json, name="frise_json"),
    path("graphe/", views.graphe, name="graphe"),
    path("graphe.json", trajectory_json.graphe_json, name="graphe_json"),
    path("couverture/", views.couverture, name="couverture"),
    path("couverture.json", views.couverture_json, name="couverture_json"),
    path("couverture.csv", views.couverture_csv, name="couverture_csv"),
]
