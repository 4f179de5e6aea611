"""Every cooperation page answers for a member, with the sample records."""

import pytest
from django.urls import reverse

from .samples import ACTEUR_PUBLIC, make_cooperation

pytestmark = pytest.mark.django_db


def test_every_page_renders_for_a_contributor(espace_a, alice, charlie, as_user):
    made = make_cooperation(espace_a, alice)
    client = as_user(charlie)
    slug = espace_a.slug
    names = [
        "acteur_list", "acteur_list_json", "acteur_list_csv", "acteur_create",
        "contribution_list", "contribution_list_json", "contribution_list_csv",
        "dashboard", "dashboard_csv", "dashboard_xlsx", "dashboard_json", "network", "network_json",
        "participation_create", "contribution_create",
    ]  # fmt: skip
    for kind in ("collectifs", "voyages", "temps"):
        names += [f"{kind}_list", f"{kind}_json", f"{kind}_create"]
    for name in names:
        response = client.get(reverse(f"cooperation:{name}", args=[slug]))
        assert response.status_code == 200, name
    pk = made["public"].pk
    for name in (
        "acteur_detail",
        "acteur_detail_json",
        "acteur_edit",
        "acteur_delete",
        "acteur_merge",
    ):
        response = client.get(reverse(f"cooperation:{name}", args=[slug, pk]))
        assert response.status_code == 200, name
    assert (
        ACTEUR_PUBLIC in client.get(reverse("cooperation:dashboard", args=[slug])).content.decode()
    )
