"""Named business operations of cooperation, called alike by pages, API and loaders."""

from balises.cooperation.services.acteurs import (
    create_acteur,
    delete_acteur,
    merge_actors,
    similar_acteurs,
    update_acteur,
    validate_acteur,
)
from balises.cooperation.services.contributions import (
    delete_link,
    parse_amount,
    period_bounds,
    period_warnings,
    save_contribution,
    save_participation,
    validate_contribution,
)
from balises.cooperation.services.dispositifs import (
    delete_record,
    dispositif_element,
    save_record,
    save_reunion,
)
from balises.cooperation.services.loader import load_cooperation

__all__ = [
    "create_acteur",
    "delete_acteur",
    "delete_link",
    "delete_record",
    "dispositif_element",
    "load_cooperation",
    "merge_actors",
    "parse_amount",
    "period_bounds",
    "period_warnings",
    "save_contribution",
    "save_participation",
    "save_record",
    "save_reunion",
    "similar_acteurs",
    "update_acteur",
    "validate_acteur",
    "validate_contribution",
]
