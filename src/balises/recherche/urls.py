from django.urls import path

from . import views

app_name = "recherche"
urlpatterns = [
    path("", views.index, name="index"),
    path("resultats.json", views.results_json, name="results_json"),
]
