"""Demo data of the four pilot towns of the Villes pairs référentiel (see loader.py)."""
