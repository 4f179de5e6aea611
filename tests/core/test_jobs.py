import pytest
from django.core.management import call_command

from balises.core import jobs
from balises.core.jobs import start_job
from balises.core.models import Job, JobStatus

from . import job_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _every_progress_call_writes(monkeypatch):
    monkeypatch.setattr(jobs, "WRITE_INTERVAL", 0)
    job_tasks.SEEN_PROGRESS.clear()


def test_a_successful_job_records_progress_result_and_times(make_user):
    alice = make_user()
    job = start_job(job_tasks.count_to, label="Compter jusqu'à trois", user=alice, total=3)
    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total, job.percent) == (3, 3, 100)
    assert job.result == {"url": "/taches/", "count": 3}
    assert job.result_url == "/taches/"
    assert job.kind == "tests.core.job_tasks.count_to"
    assert job.user == alice and job.task_result_id
    assert job.created_at <= job.started_at <= job.finished_at


def test_progress_is_written_to_the_job_while_the_task_runs():
    start_job(job_tasks.count_to, label="Compter", total=3)
    assert job_tasks.SEEN_PROGRESS == [
        (1, 3, "Élément 1"),
        (2, 3, "Élément 2"),
        (3, 3, "Élément 3"),
    ]


def test_progress_writes_are_throttled(monkeypatch):
    monkeypatch.setattr(jobs, "WRITE_INTERVAL", 60)
    start_job(job_tasks.count_to, label="Compter", total=4)
    # Only the first call reaches the database; the end of the job writes the final state.
    assert [seen[0] for seen in job_tasks.SEEN_PROGRESS] == [1, 1, 1, 1]
    assert Job.objects.get().done == 4


def test_a_job_error_message_is_shown_as_written(caplog):
    job = start_job(job_tasks.fail_politely, label="Importer")
    assert job.status == JobStatus.FAILED
    assert job.error == "Le fichier ne contient aucune ligne lisible."
    assert (job.done, job.total, job.message) == (1, 3, "Lecture du fichier")
    assert job.finished_at is not None
    assert "Échec de la tâche" in caplog.text


def test_an_unexpected_exception_is_logged_but_hidden_from_users(caplog):
    job = start_job(job_tasks.crash, label="Planter")
    assert job.status == JobStatus.FAILED
    assert "secret_internal_column" not in job.error
    assert "erreur inattendue" in job.error
    assert "secret_internal_column" in caplog.text


def test_a_task_that_cannot_start_still_fails_its_job():
    job = start_job(job_tasks.count_to, label="Sans argument")  # total is missing
    assert job.status == JobStatus.FAILED
    assert "n'a pas pu s'exécuter" in job.error


def test_a_job_run_inside_a_transaction_ends_with_its_final_progress():
    job = start_job(job_tasks.count_in_one_transaction, label="Importer", total=5)
    assert (job.status, job.done, job.total) == (JobStatus.SUCCEEDED, 5, 5)


def test_percent_is_unknown_without_a_total_and_capped_at_100():
    assert Job(done=5, total=None, status=JobStatus.RUNNING).percent is None
    assert Job(done=7, total=4, status=JobStatus.RUNNING).percent == 100
    assert Job(done=1, total=4, status=JobStatus.RUNNING).percent == 25


def test_only_same_site_result_links_are_offered():
    assert Job(result={"url": "https://ailleurs.example/"}).result_url == ""
    assert Job(result={"url": "//ailleurs.example/"}).result_url == ""
    assert Job(result=["/liste"]).result_url == ""
    assert Job(result={"url": "/espaces/a/"}).result_url == "/espaces/a/"


def test_jobs_command_lists_recent_jobs_with_state_and_progress(make_user, capsys):
    start_job(job_tasks.count_to, label="Compter jusqu'à deux", user=make_user(), total=2)
    start_job(job_tasks.fail_politely, label="Importer un fichier vide")
    call_command("jobs")
    out = capsys.readouterr().out
    assert "Compter jusqu'à deux" in out and "terminée" in out and "100 %" in out
    assert "Importer un fichier vide" in out and "échouée" in out and "système" in out
    assert "aucune ligne lisible" in out


def test_jobs_command_says_when_there_is_nothing(capsys):
    call_command("jobs", "--actives")
    assert "Aucune tâche." in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_progress_inside_a_task_transaction_is_visible_outside():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite n'accepte qu'un écrivain à la fois : la barre avance à la validation")
    job_tasks.WATCHED_FROM_OUTSIDE.clear()
    job = start_job(job_tasks.count_in_one_transaction_watched, label="Importer", total=3)
    assert job_tasks.WATCHED_FROM_OUTSIDE == [1, 2, 3]
    assert job.status == JobStatus.SUCCEEDED
