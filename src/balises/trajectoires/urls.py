"""Addresses of a space's trajectory, mounted under /espaces/<slug>/trajectoire/."""

from django.urls import path  # noqa: F401

from .urls_vues import urlpatterns as vues_urlpatterns

app_name = "trajectoires"
urlpatterns: list = []
urlpatterns += vues_urlpatterns
