"""Pages that follow background jobs: a list, a detail page polled by htmx, a JSON twin."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .http import AuthenticatedHttpRequest
from .job_model import Job
from .json_export import json_page, json_response
from .permissions import get_job_for_user

RECENT_JOBS = 50


@require_GET
@login_required
def job_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    jobs = Job.objects.filter(user=request.user)[:RECENT_JOBS]
    return render(request, "core/job_list.html", {"jobs": jobs})


@never_cache
@require_GET
@login_required
def job_list_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    # The first page is what the page shows; older jobs are on the next ones.
    jobs = Job.objects.filter(user=request.user).order_by("-created_at", "pk")
    return json_page(
        request, jobs, lambda page: [job_as_dict(j) for j in page], per_page=RECENT_JOBS
    )


@never_cache
@require_GET
@login_required
def job_detail(request: AuthenticatedHttpRequest, job_id) -> HttpResponse:
    job = get_job_for_user(request.user, job_id)
    return render(request, "core/job_detail.html", {"job": job})


@never_cache
@require_GET
@login_required
def job_progress(request: AuthenticatedHttpRequest, job_id) -> HttpResponse:
    """The progress block alone, swapped in by htmx every second until the job is finished."""
    job = get_job_for_user(request.user, job_id)
    return render(request, "core/job_detail.html#progress", {"job": job})


@never_cache
@require_GET
@login_required
def job_json(request: AuthenticatedHttpRequest, job_id) -> HttpResponse:
    job = get_job_for_user(request.user, job_id)
    return json_response(job_as_dict(job))


def job_as_dict(job: Job) -> dict:
    return {
        "id": str(job.id),
        "kind": job.kind,
        "label": job.label,
        "status": job.status,
        "status_label": str(job.get_status_display()),
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "message": job.message,
        "result": job.result,
        "result_url": job.result_url,
        "error": job.error,
        "created_at": job.created_at.isoformat(),
        "started_at": job.started_at.isoformat() if job.started_at else None,
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        "url": reverse("job_detail", args=[job.id]),
    }
