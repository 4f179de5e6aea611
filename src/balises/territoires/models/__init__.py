from .espace import Adhesion, Espace, Invitation, Role
from .territoire import Territoire
from .visibility import SpaceRecordQuerySet, Visibility

__all__ = ["Territoire"]
__all__ += ["Adhesion", "Espace", "Invitation", "Role", "SpaceRecordQuerySet", "Visibility"]
