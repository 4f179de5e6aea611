"""Browser tests: Playwright drives Debian's chromium against Django's live server.

Without /usr/bin/chromium the tests are skipped with a visible reason, unless
BALISES_REQUIRE_E2E=1 (set by .ci/run), which turns the absence into a failure.
The live server runs in this process, so `django.core.mail.outbox` sees its emails.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HERE = Path(__file__).resolve().parent


def chromium_missing_reason() -> str | None:
    if CHROMIUM.exists():
        return None
    return f"navigateur absent : {CHROMIUM} introuvable (apt install chromium)"


def pytest_collection_modifyitems(config, items):
    reason = chromium_missing_reason()
    for item in items:
        if HERE not in Path(str(item.path)).resolve().parents:
            continue
        item.add_marker(pytest.mark.e2e)
        if reason and os.environ.get("BALISES_REQUIRE_E2E") != "1":
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session", autouse=True)
def _e2e_environment():
    reason = chromium_missing_reason()
    if reason:
        pytest.fail(f"BALISES_REQUIRE_E2E=1 mais {reason}", pytrace=False)
    # Playwright's sync API runs an event loop in this thread for the rest of the session;
    # Django would otherwise refuse the ORM calls the tests and fixtures make.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def csp_errors(page):
    """Console messages about blocked resources; a test asserts the list stays empty."""
    errors: list[str] = []
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    return errors
