"""Transfer between peer territories: pure computations (peers, strata, decontextualisation)."""
