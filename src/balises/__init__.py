"""Balises — modéliser, évaluer et partager les trajectoires de transition des territoires."""

__version__ = "0.1.0"
