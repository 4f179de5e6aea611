from .espace import ROLE_RANK, Adhesion, Espace, Invitation, Role
from .visibility import VISIBILITY_HELP, SpaceRecord, SpaceRecordQuerySet, Visibility

__all__ = ["ROLE_RANK", "Adhesion", "Espace", "Invitation", "Role"]
__all__ += ["VISIBILITY_HELP", "SpaceRecord", "SpaceRecordQuerySet", "Visibility"]
