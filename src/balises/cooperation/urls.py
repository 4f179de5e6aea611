"""Addresses of the cooperation app, mounted under /espaces/<slug>/cooperation/."""

from django.urls import path

from balises.cooperation.views import acteurs, dashboard, dispositifs, links

app_name = "cooperation"
urlpatterns = [
    path("", acteurs.acteur_list, name="acteur_list"),
    path("acteurs.json", acteurs.acteur_list_json, name="acteur_list_json"),
    path("acteurs.csv", acteurs.acteur_list_csv, name="acteur_list_csv"),
    path("acteurs/nouveau/", acteurs.acteur_edit, name="acteur_create"),
    path("acteurs/<int:pk>/", acteurs.acteur_detail, name="acteur_detail"),
    path("acteurs/<int:pk>/acteur.json", acteurs.acteur_detail_json, name="acteur_detail_json"),
    path("acteurs/<int:pk>/modifier/", acteurs.acteur_edit, name="acteur_edit"),
    path("acteurs/<int:pk>/supprimer/", acteurs.acteur_delete, name="acteur_delete"),
    path("acteurs/<int:pk>/fusionner/", acteurs.acteur_merge, name="acteur_merge"),
    path("contributions/", links.contribution_list, name="contribution_list"),
    path("contributions.json", links.contribution_list_json, name="contribution_list_json"),
    path("contributions.csv", links.contribution_list_csv, name="contribution_list_csv"),
    path("tableau-de-bord/", dashboard.dashboard, name="dashboard"),
    path("tableau-de-bord.csv", dashboard.dashboard_csv, name="dashboard_csv"),
    path("tableau-de-bord.xlsx", dashboard.dashboard_xlsx, name="dashboard_xlsx"),
    path("tableau-de-bord.json", dashboard.dashboard_json, name="dashboard_json"),
    path("reseau/", dashboard.network, name="network"),
    path("reseau.json", dashboard.network_json, name="network_json"),
    path(
        "collectifs/<int:pk>/reunions/nouvelle/",
        dispositifs.reunion_edit,
        name="reunion_create",
    ),
    path(
        "collectifs/<int:pk>/reunions/<int:reunion_pk>/modifier/",
        dispositifs.reunion_edit,
        name="reunion_edit",
    ),
]
for _kind in ("participation", "contribution"):
    urlpatterns += [
        path(f"{_kind}s/nouvelle/", links.link_edit, {"kind": _kind}, name=f"{_kind}_create"),
        path(
            f"{_kind}s/<int:pk>/modifier/", links.link_edit, {"kind": _kind}, name=f"{_kind}_edit"
        ),
        path(
            f"{_kind}s/<int:pk>/supprimer/",
            links.link_delete,
            {"kind": _kind},
            name=f"{_kind}_delete",
        ),
    ]
for _kind in ("collectifs", "voyages", "temps"):
    urlpatterns += [
        path(f"{_kind}/", dispositifs.record_list, {"kind": _kind}, name=f"{_kind}_list"),
        path(f"{_kind}.json", dispositifs.record_list_json, {"kind": _kind}, name=f"{_kind}_json"),
        path(f"{_kind}/nouveau/", dispositifs.record_edit, {"kind": _kind}, name=f"{_kind}_create"),
        path(
            f"{_kind}/<int:pk>/", dispositifs.record_detail, {"kind": _kind}, name=f"{_kind}_detail"
        ),
        path(
            f"{_kind}/<int:pk>/modifier/",
            dispositifs.record_edit,
            {"kind": _kind},
            name=f"{_kind}_edit",
        ),
        path(
            f"{_kind}/<int:pk>/supprimer/",
            dispositifs.record_delete,
            {"kind": _kind},
            name=f"{_kind}_delete",
        ),
    ]
