"""Addresses of the diagnostics app, mounted under /espaces/<slug>/diagnostics/."""

from django.urls import path  # noqa: F401

app_name = "diagnostics"
urlpatterns: list = []
