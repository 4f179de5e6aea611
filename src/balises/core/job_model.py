"""The Job record: what a background task is doing, shown to the person who started it.

The task queue (django-tasks) knows whether a task ran; a Job adds what people need to see: a
French label, progress, a message, a result link and a readable error. See `balises.core.jobs`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    PENDING = "pending", _("en attente")
    RUNNING = "running", _("en cours")
    SUCCEEDED = "succeeded", _("terminée")
    FAILED = "failed", _("échouée")


FINISHED_STATUSES = (JobStatus.SUCCEEDED, JobStatus.FAILED)


class JobQuerySet(models.QuerySet["Job"]):
    def visible_to(self, user) -> "JobQuerySet":
        """Jobs a person may follow: their own; staff see every job."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        return self.filter(user=user)


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("type"), max_length=200)
    label = models.CharField(_("libellé"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandée par"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jobs",
    )
    status = models.CharField(
        _("état"), max_length=20, choices=JobStatus.choices, default=JobStatus.PENDING
    )
    done = models.PositiveIntegerField(_("fait"), default=0)
    total = models.PositiveIntegerField(_("total"), null=True, blank=True)
    message = models.CharField(_("message"), max_length=300, blank=True)
    result = models.JSONField(_("résultat"), null=True, blank=True)
    error = models.TextField(_("erreur"), blank=True)
    task_result_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    started_at = models.DateTimeField(_("commencée le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finie le"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"])]
        verbose_name = _("tâche de fond")
        verbose_name_plural = _("tâches de fond")

    def __str__(self) -> str:
        return f"{self.label} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def percent(self) -> int | None:
        """Progress in whole percent, or None while the total is unknown."""
        if self.status == JobStatus.SUCCEEDED:
            return 100
        if not self.total:
            return None
        return min(100, int(100 * self.done / self.total))

    @property
    def result_url(self) -> str:
        """A same-site link set by the task in `result["url"]`; anything else is ignored."""
        url = (self.result or {}).get("url") if isinstance(self.result, dict) else None
        if isinstance(url, str) and url.startswith("/") and not url.startswith("//"):
            return url
        return ""
