from django.urls import path

from . import views

app_name = "territoires"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:uid>/", views.detail, name="detail"),
]
