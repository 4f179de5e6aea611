from balises.cooperation.models.acteurs import (
    ANONYMOUS_GROUP,
    ANONYMOUS_HABITANT,
    Acteur,
    Contribution,
    Fusion,
    Participation,
    masked_name,
)
from balises.cooperation.models.choices import (
    LEVEL_RANK,
    ActeurKind,
    InKind,
    Level,
    Nature,
    ParticipationRole,
    PeriodKind,
    Unit,
)
from balises.cooperation.models.dispositifs import (
    DISPOSITIF_CODES,
    Collectif,
    Reunion,
    TempsReflexif,
    Voyage,
)

__all__ = [
    "ANONYMOUS_GROUP",
    "ANONYMOUS_HABITANT",
    "DISPOSITIF_CODES",
    "LEVEL_RANK",
    "Acteur",
    "ActeurKind",
    "Collectif",
    "Contribution",
    "Fusion",
    "InKind",
    "Level",
    "Nature",
    "Participation",
    "ParticipationRole",
    "PeriodKind",
    "Reunion",
    "TempsReflexif",
    "Unit",
    "Voyage",
    "masked_name",
]
