"""Addresses of a space's trajectory, mounted under /espaces/<slug>/trajectoire/."""

from django.urls import path  # noqa: F401

app_name = "trajectoires"
urlpatterns: list = []
