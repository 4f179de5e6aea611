"""The one base of the refusals raised by business operations (``services.py`` of every app).

A service refuses with a ``ServiceError`` (or a subclass) whose message is written for the
person who asked, in French. Every edge renders it the same way: a form shows it on top, the
API answers ``{"detail": message}`` with the error's ``status`` (422 unless the subclass says
otherwise), a management command prints it. Field-level problems stay Django
``ValidationError``s, which the same edges know how to show.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A refused operation; ``str(error)`` is the French message meant for people."""

    status = 422


class ConflictError(ServiceError):
    """The record changed since the caller read it (optimistic version check)."""

    status = 409
