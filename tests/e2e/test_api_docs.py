"""The API documentation page works offline under our Content-Security-Policy."""

from playwright.sync_api import expect


def test_api_docs_render_from_our_static_files_without_csp_errors(
    live_server, page, transactional_db, csp_errors
):
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )
    page.goto(live_server.url + "/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Balises API")
    expect(page.get_by_text("/api/v1/moi").first).to_be_visible()
    assert csp_errors == []
    assert outside == []
