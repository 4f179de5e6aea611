"""Import actions from a spreadsheet: upload, preview with line-level errors, confirm.

Between the preview and the confirmation the file waits under MEDIA_ROOT with a random name
known only to the session that sent it; it is removed once written.
"""

from __future__ import annotations

import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from balises.core.http import AuthenticatedHttpRequest
from balises.espaces.context import space_context
from balises.espaces.models import Espace
from balises.espaces.permissions import get_espace_for_user
from balises.trajectoires import importer
from balises.trajectoires.forms import ImportForm

TEMPLATE_TYPES = {
    "csv": ("text/csv; charset=utf-8", importer.template_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        importer.template_xlsx,
    ),
}


PENDING_SECONDS = 24 * 3600  # a file nobody confirmed nor abandoned is removed after a day


def _folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports" / "trajectoires"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _forget_old_files(folder: Path) -> None:
    limit = time.time() - PENDING_SECONDS
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


def _session_key(espace: Espace) -> str:
    return f"trajectoires-import-{espace.pk}"


def import_template(request, slug: str, format: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    if format not in TEMPLATE_TYPES:
        raise Http404(_("Modèle disponible en CSV ou en XLSX."))
    content_type, build = TEMPLATE_TYPES[format]
    response = HttpResponse(build(), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="actions-modele-{espace.slug}.{format}"'
    )
    return response


@login_required
def import_upload(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read(importer.MAX_BYTES + 1)
        try:
            importer.read_rows(upload.name, content)
        except importer.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            token = secrets.token_urlsafe(24)
            _forget_old_files(_folder())
            (_folder() / token).write_bytes(content)
            request.session[_session_key(espace)] = {"token": token, "name": upload.name}
            return redirect("trajectoires:import_preview", slug=espace.slug)
    context = space_context(request, espace, "trajectoire", form=form)
    return render(request, "trajectoires/import.html", context, status=400 if form.errors else 200)


def _pending(request, espace: Espace) -> tuple[dict, Path] | None:
    pending = request.session.get(_session_key(espace))
    if not pending or not str(pending.get("token", "")).replace("-", "").replace("_", "").isalnum():
        return None
    path = _folder() / pending["token"]
    return (pending, path) if path.is_file() else None


@login_required
def import_preview(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    pending = _pending(request, espace)
    if pending is None:
        messages.error(request, _("Aucun fichier en attente : envoyez-le à nouveau."))
        return redirect("trajectoires:import", slug=espace.slug)
    info, path = pending
    if request.method == "POST" and "cancel" in request.POST:
        path.unlink(missing_ok=True)
        del request.session[_session_key(espace)]
        return redirect("trajectoires:action_list", slug=espace.slug)
    preview = importer.check_rows(importer.read_rows(info["name"], path.read_bytes()), espace)
    if request.method == "POST" and preview.is_valid:
        count = importer.write_preview(preview, espace, request.user)
        path.unlink(missing_ok=True)
        del request.session[_session_key(espace)]
        messages.success(request, _("%(count)s actions importées.") % {"count": count})
        return redirect("trajectoires:action_list", slug=espace.slug)
    context = space_context(
        request,
        espace,
        "trajectoire",
        preview=preview,
        filename=info["name"],
        headers=importer.PREVIEW_HEADERS,
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "trajectoires/import_preview.html", context, status=status)
