"""Task functions for the job tests (django-tasks needs module-level functions)."""

from django.db import transaction
from django_tasks import task

from balises.core.jobs import JobError, job_context

SEEN_PROGRESS: list[tuple[int, int | None, str]] = []


@task()
def count_to(job_id: str, total: int) -> None:
    from balises.core.models import Job

    with job_context(job_id) as progress:
        for done in range(1, total + 1):
            progress(done, total, f"Élément {done}")
            job = Job.objects.get(pk=job_id)
            SEEN_PROGRESS.append((job.done, job.total, job.message))
        progress.result = {"url": "/taches/", "count": total}


@task()
def fail_politely(job_id: str) -> None:
    with job_context(job_id) as progress:
        progress(1, 3, "Lecture du fichier")
        raise JobError("Le fichier ne contient aucune ligne lisible.")


@task()
def crash(job_id: str) -> None:
    with job_context(job_id):
        raise KeyError("secret_internal_column")


@task()
def count_in_one_transaction(job_id: str, total: int) -> None:
    with job_context(job_id) as progress, transaction.atomic():
        for done in range(1, total + 1):
            progress(done, total, "Import")


WATCHED_FROM_OUTSIDE: list[int] = []


@task()
def count_in_one_transaction_watched(job_id: str, total: int) -> None:
    """Records the progress another database connection sees while the transaction is open."""
    from django.db import DEFAULT_DB_ALIAS, connections

    observer = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with job_context(job_id) as progress, transaction.atomic():
            for done in range(1, total + 1):
                progress(done, total, "Import")
                with observer.cursor() as cursor:
                    cursor.execute("SELECT done FROM core_job WHERE id = %s", [job_id])
                    WATCHED_FROM_OUTSIDE.append(cursor.fetchone()[0])
    finally:
        observer.close()
