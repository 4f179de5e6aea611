import json

import pytest
from django.urls import reverse

from balises.core.jobs import start_job
from balises.core.models import Job, JobStatus

from . import job_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(make_user):
    return make_user("alice@example.org", name="Alice")


@pytest.fixture
def running_job(alice):
    return Job.objects.create(
        kind="tests",
        label="Importer le référentiel",
        user=alice,
        status=JobStatus.RUNNING,
        done=3,
        total=12,
        message="Lecture de la ligne 3",
    )


def test_owner_sees_label_status_progress_bar_and_message(client, alice, running_job):
    client.force_login(alice)
    body = client.get(reverse("job_detail", args=[running_job.id])).content.decode()
    assert "Importer le référentiel" in body and "en cours" in body
    assert '<progress id="job-bar-' in body and 'value="25"' in body and "25 %" in body
    assert "(3 / 12)" in body and "Lecture de la ligne 3" in body


def test_a_running_job_page_polls_its_progress_block_through_htmx(client, alice, running_job):
    client.force_login(alice)
    body = client.get(reverse("job_detail", args=[running_job.id])).content.decode()
    progress_url = reverse("job_progress", args=[running_job.id])
    assert progress_url == f"/taches/{running_job.id}/progression/"
    assert f'hx-get="{progress_url}"' in body and 'hx-trigger="every 1s"' in body


def test_the_progress_partial_is_only_the_block_and_stops_polling_when_finished(
    client, alice, running_job
):
    client.force_login(alice)
    url = reverse("job_progress", args=[running_job.id])
    body = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert body.lstrip().startswith('<section id="job-progress"') and "<html" not in body
    assert "hx-get" in body
    Job.objects.filter(pk=running_job.pk).update(
        status=JobStatus.SUCCEEDED, done=12, result={"url": "/referentiels/"}
    )
    body = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-get" not in body and "terminée" in body
    assert 'href="/referentiels/"' in body and "Voir le résultat" in body


def test_a_failed_job_shows_its_french_error_without_internals(client, alice):
    job = start_job(job_tasks.crash, label="Planter", user=alice)
    client.force_login(alice)
    body = client.get(reverse("job_detail", args=[job.id])).content.decode()
    assert "échouée" in body and "erreur inattendue" in body
    assert "secret_internal_column" not in body and "Traceback" not in body


def test_a_job_without_total_shows_an_indeterminate_bar(client, alice):
    job = Job.objects.create(kind="t", label="Indexer", user=alice, status="running", done=40)
    client.force_login(alice)
    body = client.get(reverse("job_detail", args=[job.id])).content.decode()
    assert '<progress id="job-bar-' in body and "value=" not in body.split("<progress")[1][:80]
    assert "40 éléments traités" in body


def test_json_twin_describes_the_job(client, alice, running_job):
    client.force_login(alice)
    response = client.get(f"/taches/{running_job.id}.json")
    data = json.loads(response.content)
    assert data["status"] == "running" and data["status_label"] == "en cours"
    assert (data["done"], data["total"], data["percent"]) == (3, 12, 25)
    assert data["url"] == reverse("job_detail", args=[running_job.id])
    detail = client.get(reverse("job_detail", args=[running_job.id])).content.decode()
    assert f'href="/taches/{running_job.id}.json"' in detail


def test_outsider_gets_404_on_someone_elses_job(client, make_user, running_job):
    client.force_login(make_user("bob@example.org"))
    for name in ("job_detail", "job_progress", "job_json"):
        assert client.get(reverse(name, args=[running_job.id])).status_code == 404


def test_staff_can_follow_any_job_including_system_jobs(client, make_user, running_job):
    system_job = Job.objects.create(kind="t", label="Tâche système")
    client.force_login(make_user("staff@example.org", is_staff=True))
    assert client.get(reverse("job_detail", args=[running_job.id])).status_code == 200
    assert client.get(reverse("job_json", args=[system_job.id])).status_code == 200


def test_a_system_job_is_hidden_from_ordinary_users(client, alice):
    system_job = Job.objects.create(kind="t", label="Tâche système")
    client.force_login(alice)
    assert client.get(reverse("job_detail", args=[system_job.id])).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, running_job):
    for url in (reverse("job_detail", args=[running_job.id]), "/taches/", "/taches.json"):
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/login/" in response["Location"]


def test_job_list_shows_only_my_recent_jobs_with_json_twin(client, alice, make_user, running_job):
    Job.objects.create(kind="t", label="Le travail de Bob", user=make_user())
    client.force_login(alice)
    body = client.get("/taches/").content.decode()
    assert "Importer le référentiel" in body and "25 %" in body
    assert "Le travail de Bob" not in body
    assert 'href="/taches.json"' in body
    data = json.loads(client.get("/taches.json").content)
    assert [job["label"] for job in data["results"]] == ["Importer le référentiel"]
    assert (data["count"], data["page"], data["pages"], data["per_page"]) == (1, 1, 1, 50)


def test_job_list_says_when_there_is_no_job(client, alice):
    client.force_login(alice)
    assert "Vous n'avez lancé aucune tâche." in client.get("/taches/").content.decode()


def test_job_pages_have_no_inline_script_or_style(client, alice, running_job):
    client.force_login(alice)
    for url in (reverse("job_detail", args=[running_job.id]), "/taches/"):
        body = client.get(url).content.decode()
        assert "<script>" not in body and "<style" not in body and " style=" not in body


def test_staff_can_look_at_jobs_and_user_history_in_the_admin(client, make_user, running_job):
    staff = make_user("root@example.org", is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert client.get("/admin/core/job/").status_code == 200
    assert client.get(f"/admin/core/job/{running_job.pk}/change/").status_code == 200
    assert client.get(f"/admin/core/user/{staff.pk}/history/").status_code == 200


def test_a_pending_job_says_it_waits_for_a_worker(client, alice):
    job = Job.objects.create(kind="t", label="Exporter", user=alice)
    client.force_login(alice)
    body = client.get(reverse("job_detail", args=[job.id])).content.decode()
    assert "en attente" in body and "attend son tour" in body
