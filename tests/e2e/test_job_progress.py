"""A job page follows the progress of a background job without reloading, then stops polling."""

import re

from django.test import Client
from playwright.sync_api import expect

from balises.core.models import Job, JobStatus


def test_job_page_updates_its_progress_bar_until_the_job_is_finished(
    live_server, page, transactional_db, make_user, csp_errors
):
    alice = make_user("alice@example.org", name="Alice")
    job = Job.objects.create(
        kind="tests", label="Importer le référentiel", user=alice,
        status=JobStatus.RUNNING, done=1, total=4,
    )  # fmt: skip
    client = Client()
    client.force_login(alice)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/taches/{job.id}/")
    bar = page.locator("progress")
    expect(bar).to_have_attribute("value", "25")
    page.evaluate("window.sansRechargement = true")

    Job.objects.filter(pk=job.pk).update(done=3, message="Ligne 3")
    expect(bar).to_have_attribute("value", "75", timeout=5000)
    expect(page.get_by_text("Ligne 3")).to_be_visible()

    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.SUCCEEDED, done=4, result={"url": "/taches/"}
    )
    expect(page.get_by_role("link", name="Voir le résultat")).to_be_visible(timeout=5000)
    expect(page.locator("#job-progress")).not_to_have_attribute("hx-get", re.compile(".*"))
    assert page.evaluate("window.sansRechargement") is True
    assert csp_errors == []
