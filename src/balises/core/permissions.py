"""Access helpers of the platform pieces (background jobs)."""

import uuid

from django.http import Http404

from .job_model import Job


def get_job_for_user(user, job_id: uuid.UUID | str) -> Job:
    """The job if `user` may follow it (its owner or staff); 404 otherwise, never 403."""
    job = Job.objects.visible_to(user).select_related("user").filter(pk=job_id).first()
    if job is None:
        raise Http404
    return job
