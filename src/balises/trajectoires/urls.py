"""Addresses of a space's trajectory, mounted under /espaces/<slug>/trajectoire/."""

from django.urls import path

from balises.trajectoires.urls_trajectory import urlpatterns as trajectory_urlpatterns
from balises.trajectoires.views import actions as actions
from balises.trajectoires.views import importing as importer
from balises.trajectoires.views import links as links
from balises.trajectoires.views import records as records

app_name = "trajectoires"
urlpatterns = [
    path("actions/", actions.action_list, name="action_list"),
    path("actions.json", actions.action_list_json, name="action_list_json"),
    path("actions.csv", actions.action_list_csv, name="action_list_csv"),
    path("actions/nouvelle/", actions.action_create, name="action_create"),
    path("actions/corbeille/", actions.corbeille, name="corbeille"),
    path("actions/corbeille/<int:pk>/retablir/", actions.action_restore, name="action_restore"),
    path("actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("actions/<int:pk>/action.json", actions.action_detail_json, name="action_detail_json"),
    path("actions/<int:pk>/modifier/", actions.action_edit, name="action_edit"),
    path("actions/<int:pk>/supprimer/", actions.action_delete, name="action_delete"),
    path(
        "actions/<int:pk>/versions/<int:history_id>/retablir/",
        actions.action_restore_version,
        name="action_restore_version",
    ),
    path("actions/<int:pk>/liens/", links.lien_add, name="lien_add"),
    path("actions/<int:pk>/liens/<int:lien_pk>/retirer/", links.lien_remove, name="lien_remove"),
    path("actions/<int:pk>/elements/", links.element_add, name="element_add"),
    path(
        "actions/<int:pk>/elements/<int:link_pk>/retirer/",
        links.element_remove,
        name="element_remove",
    ),
    path("actions/<int:pk>/sources/", links.source_add, name="source_add"),
    path(
        "actions/<int:pk>/sources/<int:source_pk>/retirer/",
        links.source_remove,
        name="source_remove",
    ),
    path("import/", importer.import_upload, name="import"),
    path("import/apercu/", importer.import_preview, name="import_preview"),
    path("import/modele.<str:format>", importer.import_template, name="import_template"),
]
for _kind in ("evenements", "phases", "sauts"):
    urlpatterns += [
        path(f"{_kind}/", records.record_list, {"kind": _kind}, name=f"{_kind}_list"),
        path(f"{_kind}.json", records.record_list_json, {"kind": _kind}, name=f"{_kind}_json"),
        path(f"{_kind}/nouveau/", records.record_edit, {"kind": _kind}, name=f"{_kind}_create"),
        path(f"{_kind}/<int:pk>/", records.record_detail, {"kind": _kind}, name=f"{_kind}_detail"),
        path(
            f"{_kind}/<int:pk>/modifier/",
            records.record_edit,
            {"kind": _kind},
            name=f"{_kind}_edit",
        ),
        path(
            f"{_kind}/<int:pk>/supprimer/",
            records.record_delete,
            {"kind": _kind},
            name=f"{_kind}_delete",
        ),
    ]
urlpatterns += trajectory_urlpatterns
