from django.urls import path

from . import views, views_data

app_name = "referentiels"
urlpatterns = [
    path("", views.index, name="index"),
    path("referentiels.json", views_data.index_json, name="index_json"),
    path("referentiels.csv", views_data.index_csv, name="index_csv"),
    path("<slug:slug>/", views.latest, name="latest"),
    path("<slug:slug>/comparer/", views.compare, name="compare"),
    path("<slug:slug>/comparer/<str:old>/<str:new>/", views.diff, name="diff"),
    path(
        "<slug:slug>/comparer/<str:old>/<str:new>/diff.json", views_data.diff_json, name="diff_json"
    ),
    path("<slug:slug>/<str:version>/", views.detail, name="detail"),
    path("<slug:slug>/<str:version>/referentiel.json", views_data.detail_json, name="detail_json"),
    path("<slug:slug>/<str:version>/export.<str:format>", views_data.export, name="export"),
    path("<slug:slug>/<str:version>/elements/<str:code>/", views.element, name="element"),
    path(
        "<slug:slug>/<str:version>/elements/<str:code>/element.json",
        views_data.element_json,
        name="element_json",
    ),
]
