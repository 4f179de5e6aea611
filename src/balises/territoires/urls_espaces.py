"""Addresses of territory spaces (/espaces/…)."""

from django.urls import path  # noqa: F401

app_name = "espaces"
urlpatterns: list = []
