from django.urls import path

from . import views

app_name = "territoires"
urlpatterns = [
    path("", views.index, name="index"),
    path("territoires.json", views.index_json, name="index_json"),
    path("territoires.csv", views.index_csv, name="index_csv"),
    path("<str:uid>/", views.detail, name="detail"),
    path("<str:uid>/territoire.json", views.detail_json, name="detail_json"),
    path("<str:uid>/territoire.csv", views.detail_csv, name="detail_csv"),
]
