from .territoire import Territoire

__all__ = ["Territoire"]
