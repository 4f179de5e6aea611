"""Background jobs with visible progress, on top of django-tasks.

Contract (see docs/dev/jobs.md):

    @task()
    def rebuild_index(job_id: str, espace_id: int) -> None:
        with job_context(job_id) as progress:
            for done, item in enumerate(items, 1):
                ...
                progress(done, len(items), "Indexation…")
            progress.result = {"url": "/espaces/…/", "count": len(items)}

    job = start_job(rebuild_index, label="Reconstruire l'index", user=request.user, espace_id=3)
    return redirect("job_detail", job.id)

Keyword arguments go through the task queue as JSON: pass primary keys and plain data only.
"""

import logging
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks.base import Task, TaskResultStatus
from django_tasks.signals import task_finished

from balises.core.errors import ServiceError

from .job_model import FINISHED_STATUSES, Job, JobStatus

logger = logging.getLogger(__name__)

WRITE_INTERVAL = 0.3  # seconds between two progress writes: a few per second at most
MESSAGE_LENGTH = Job._meta.get_field("message").max_length or 300


class JobError(ServiceError):
    """A failure whose message is written for the person who started the job (in French)."""


def start_job(task: Task, *, label: str, user=None, **kwargs: Any) -> Job:
    """Create a Job, enqueue `task(job_id=..., **kwargs)` and return the Job (refreshed)."""
    job = Job.objects.create(kind=task.module_path, label=label, user=user)
    # No transaction around the enqueue: a backend that runs the task at once (tests, or an
    # immediate backend) must let its progress writes be seen as they happen.
    try:
        task_result = task.enqueue(job_id=str(job.id), **kwargs)
    except Exception as exc:
        logger.exception("Impossible de mettre en file la tâche %s", job.id)
        Job.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, error=public_error(exc), finished_at=timezone.now()
        )
        raise
    Job.objects.filter(pk=job.pk).update(task_result_id=str(task_result.id))
    job.refresh_from_db()
    return job


def public_error(exc: BaseException) -> str:
    """The French text shown to users: our own messages as they are, never internals."""
    if isinstance(exc, ValidationError):
        return " ".join(str(message) for message in exc.messages)
    if isinstance(exc, JobError | ValueError) and str(exc):
        return str(exc)
    return _("Une erreur inattendue a interrompu la tâche. Elle a été signalée à l'équipe.")


class JobProgress:
    """The `ProgressCallback` handed to a task: `progress(done, total, message)`.

    Writes are throttled. Inside a transaction of the task itself, writes on the task's own
    connection would stay invisible until commit: on PostgreSQL they go through a second
    connection; on SQLite (one writer at a time) the bar moves at commit.
    """

    def __init__(self, job_id: str) -> None:
        self.job_id = job_id
        self.done = 0
        self.total: int | None = None
        self.message = ""
        self.result: dict[str, Any] | None = None
        self._last_write = 0.0
        self._side_connection: BaseDatabaseWrapper | None = None

    def __call__(self, done: int, total: int | None = None, message: str = "") -> None:
        self.done, self.total, self.message = max(0, int(done)), total, str(message)
        now = time.monotonic()
        if now - self._last_write >= WRITE_INTERVAL:
            self._last_write = now
            self.flush()

    def fields(self) -> dict[str, Any]:
        total = None if self.total is None else max(0, int(self.total))
        return {"done": self.done, "total": total, "message": self.message[:MESSAGE_LENGTH]}

    def flush(self) -> None:
        connection = connections[DEFAULT_DB_ALIAS]
        if not _in_own_transaction(connection):
            Job.objects.filter(pk=self.job_id).update(**self.fields())
        elif connection.vendor == "postgresql":
            self._write_aside()

    def _write_aside(self) -> None:
        if self._side_connection is None:
            self._side_connection = connections.create_connection(DEFAULT_DB_ALIAS)
        values = self.fields()
        with self._side_connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Job._meta.db_table} SET done = %s, total = %s, message = %s "  # noqa: S608
                "WHERE id = %s",
                [values["done"], values["total"], values["message"], uuid.UUID(self.job_id)],
            )

    def close(self) -> None:
        if self._side_connection is not None:
            self._side_connection.close()
            self._side_connection = None


def _in_own_transaction(connection) -> bool:
    # The test runner wraps each test in atomic blocks of its own; those do not hide writes
    # from the test itself, so they do not count.
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


@contextmanager
def job_context(job_id: str) -> Iterator[JobProgress]:
    """Run the body as the job `job_id`: running, then finished (with progress.result) or failed.

    Exceptions are logged, stored as a French message (see `public_error`) and re-raised so that
    the task queue records the failure too.
    """
    Job.objects.filter(pk=job_id).update(status=JobStatus.RUNNING, started_at=timezone.now())
    progress = JobProgress(job_id)
    try:
        yield progress
    except Exception as exc:
        progress.close()
        logger.exception("Échec de la tâche %s", job_id)
        Job.objects.filter(pk=job_id).update(
            **progress.fields(),
            status=JobStatus.FAILED,
            error=public_error(exc),
            finished_at=timezone.now(),
        )
        raise
    progress.close()
    fields = progress.fields()
    if fields["total"] is not None:
        fields["done"] = max(fields["done"], fields["total"])
    Job.objects.filter(pk=job_id).update(
        **fields,
        status=JobStatus.SUCCEEDED,
        result=progress.result,
        finished_at=timezone.now(),
    )


@receiver(task_finished, dispatch_uid="balises_core_job_task_finished")
def _fail_job_of_crashed_task(sender, task_result, **kwargs) -> None:
    """A task that failed before or outside `job_context` still marks its job as failed."""
    if task_result.status != TaskResultStatus.FAILED:
        return
    job_id = task_result.kwargs.get("job_id") if isinstance(task_result.kwargs, dict) else None
    if not job_id:
        return
    Job.objects.filter(pk=job_id).exclude(status__in=FINISHED_STATUSES).update(
        status=JobStatus.FAILED,
        error=_("La tâche n'a pas pu s'exécuter. Elle a été signalée à l'équipe."),
        finished_at=timezone.now(),
    )
