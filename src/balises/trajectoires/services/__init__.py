"""Business operations of trajectories, called alike by views, the API and the importer.

Bad input raises django's ValidationError (a dict of French messages by field) and changes
nothing; a save based on an old version raises ConflictError carrying the current action.
"""

from balises.trajectoires.services.actions import (
    ConflictError,
    create_action,
    delete_action,
    index_action,
    iter_action_documents,
    restore_action,
    restore_action_version,
    update_action,
    validate_action,
)
from balises.trajectoires.services.links import (
    attach_source,
    detach_source,
    link_actions,
    link_element,
    unlink_actions,
    unlink_element,
)
from balises.trajectoires.services.records import (
    delete_record,
    save_evenement,
    save_phase,
    save_saut,
)

__all__ = [
    "ConflictError",
    "attach_source",
    "create_action",
    "delete_action",
    "delete_record",
    "detach_source",
    "index_action",
    "iter_action_documents",
    "link_actions",
    "link_element",
    "restore_action",
    "restore_action_version",
    "save_evenement",
    "save_phase",
    "save_saut",
    "unlink_actions",
    "unlink_element",
    "update_action",
    "validate_action",
]
