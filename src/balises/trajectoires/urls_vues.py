"""Addresses of the views of a trajectory (timeline, graph, coverage, overview)."""

urlpatterns: list = []
