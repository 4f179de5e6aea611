from balises.trajectoires.models.action import RECIT_SECTIONS, Action, Source
from balises.trajectoires.models.choices import (
    EventKind,
    LinkKind,
    Precision,
    Scale,
    Status,
    Theme,
    Widening,
)
from balises.trajectoires.models.links import ActionElement, LienAction
from balises.trajectoires.models.metrics import GraphMetrics, GraphScope
from balises.trajectoires.models.timeline import Evenement, Phase, SautSystemique

__all__ = [
    "RECIT_SECTIONS",
    "Action",
    "ActionElement",
    "Evenement",
    "EventKind",
    "GraphMetrics",
    "GraphScope",
    "LienAction",
    "LinkKind",
    "Phase",
    "Precision",
    "SautSystemique",
    "Scale",
    "Source",
    "Status",
    "Theme",
    "Widening",
]
