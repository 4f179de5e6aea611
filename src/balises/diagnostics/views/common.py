"""What every self-assessment page shares: the space context."""

from __future__ import annotations
