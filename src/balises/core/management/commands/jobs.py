"""List recent background jobs with their state and progress."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from balises.core.job_model import Job


class Command(BaseCommand):
    help = "Liste les tâches de fond récentes (état, progression)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=20, help="nombre de tâches (20)")
        parser.add_argument("--actives", action="store_true", help="seulement celles non finies")

    def handle(self, *args, limit: int = 20, actives: bool = False, **options):
        jobs = Job.objects.select_related("user")
        if actives:
            jobs = jobs.exclude(status__in=["succeeded", "failed"])
        rows = list(jobs[: max(1, limit)])
        if not rows:
            self.stdout.write("Aucune tâche.")
            return
        for job in rows:
            self.stdout.write(self._line(job))

    def _line(self, job: Job) -> str:
        if job.percent is not None:
            progress = f"{job.percent:>3} %"
        else:
            progress = f"{job.done} faits" if job.done else "—"
        when = timezone.localtime(job.created_at).strftime("%Y-%m-%d %H:%M")
        who = job.user.email if job.user else "système"
        line = (
            f"{str(job.id)[:8]}  {when}  {job.get_status_display():<10}  {progress:<9}  "
            f"{job.label}  ({who})"
        )
        detail = job.error if job.status == "failed" else job.message
        return f"{line}\n          {detail}" if detail else line
