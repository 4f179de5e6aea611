from .action import RECIT_SECTIONS, Action, Source
from .choices import EventKind, LinkKind, Precision, Scale, Status, Theme, Widening
from .links import ActionElement, LienAction
from .metrics import GraphMetrics, GraphScope
from .timeline import Evenement, Phase, SautSystemique

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
