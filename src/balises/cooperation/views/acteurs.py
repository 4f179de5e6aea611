"""Pages of actors: list (JSON and CSV twins), detail, creation with duplicate suggestions,
change, deletion and merge."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from balises.cooperation import services
from balises.cooperation.forms import ActeurForm, MergeForm
from balises.cooperation.models import Acteur, ActeurKind
from balises.cooperation.policies import ACTEUR, CONTRIBUTION, PARTICIPATION
from balises.cooperation.presenters.records import acteur_data
from balises.cooperation.views.common import add_errors
from balises.core.csv_export import csv_response
from balises.core.history import history_entries
from balises.core.http import AuthenticatedHttpRequest
from balises.core.json_export import json_page, json_response
from balises.core.text import fold
from balises.espaces.context import space_context
from balises.espaces.permissions import get_espace_for_user, record_visibility_q


def _acteurs(request: HttpRequest, espace):
    acteurs = ACTEUR.visible(request.user, espace).select_related("parent")
    kind = request.GET.get("nature", "")
    if kind in ActeurKind.values:
        acteurs = acteurs.filter(kind=kind)
    words = fold(request.GET.get("q", ""))
    if words:
        acteurs = acteurs.filter(folded_name__contains=words)
    seen_actions = record_visibility_q(
        request.user, "participations__action__espace", "participations__action__visibility"
    )
    return acteurs.annotate(
        n_participations=Count("participations", filter=seen_actions, distinct=True)
    )


def _ordered(acteurs, is_member: bool) -> list[Acteur]:
    """By shown name: anonymised habitants last, so that their place in the list does not
    hint at their real name."""
    rows = list(acteurs)
    for acteur in rows:
        acteur.shown_name = acteur.name_for(is_member)
    rows.sort(key=lambda a: (a.shown_name != a.name, a.shown_name.casefold(), a.pk))
    return rows


def acteur_list(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    context = space_context(request, espace, "cooperation", section="acteurs")
    acteurs = _ordered(_acteurs(request, espace), context["is_member"])
    context.update(acteurs=acteurs, kinds=ActeurKind.choices, query=request.GET)
    return render(request, "cooperation/acteur_list.html", context)


def acteur_list_json(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    is_member = space_context(request, espace, "cooperation")["is_member"]
    acteurs = _ordered(_acteurs(request, espace), is_member)
    return json_page(request, acteurs, lambda page: [acteur_data(a, is_member) for a in page])


def acteur_list_csv(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    is_member = space_context(request, espace, "cooperation")["is_member"]
    fields = ["id", "kind", "kind_label", "name", "organisation", "delegation", "parent_id"]
    acteurs = _ordered(_acteurs(request, espace), is_member)
    rows = [[acteur_data(a, is_member)[f] for f in fields] for a in acteurs]
    return csv_response(f"acteurs-{espace.slug}.csv", fields, rows)


def acteur_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    acteur = ACTEUR.get(request, espace, pk)
    context = space_context(request, espace, "cooperation", section="acteurs", acteur=acteur)
    is_member = context["is_member"]
    participations = PARTICIPATION.visible(request.user, espace).filter(acteur=acteur)
    contributions = CONTRIBUTION.visible(request.user, espace).filter(acteur=acteur)
    context.update(
        shown_name=acteur.name_for(is_member),
        protected=acteur.is_protected and not is_member,
        children=ACTEUR.visible(request.user, espace).filter(parent=acteur),
        participations=participations.select_related("action"),
        contributions=contributions.select_related("action", "declared_by"),
        history=history_entries(acteur) if is_member else [],
        fusions=[
            (f, history_entries(Acteur.history.filter(id=f.absorbed_id)))
            for f in acteur.fusions.select_related("merged_by")
        ]
        if is_member
        else [],
    )
    return render(request, "cooperation/acteur_detail.html", context)


def acteur_detail_json(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    acteur = ACTEUR.get(request, espace, pk)
    return json_response(
        acteur_data(acteur, space_context(request, espace, "cooperation")["is_member"])
    )


def _acteur_form(request: HttpRequest, espace, initial: dict, exclude: int | None = None):
    services_qs = ACTEUR.visible(request.user, espace).filter(kind=ActeurKind.SERVICE)
    members = get_user_model().objects.filter(adhesions__espace=espace).order_by("email")
    return ActeurForm(
        request.POST or None,
        initial=initial,
        services=services_qs.exclude(pk=exclude or 0),
        members=members,
    )


@login_required
def acteur_edit(request: AuthenticatedHttpRequest, slug: str, pk: int | None = None):
    espace = get_espace_for_user(request, slug, write=True)
    acteur = ACTEUR.get(request, espace, pk, write=True) if pk else None
    initial = (
        ActeurForm.initial_for(acteur) if acteur else {"visibility": espace.default_visibility}
    )
    form = _acteur_form(request, espace, initial, exclude=pk)
    suggestions = []
    if request.method == "POST" and form.is_valid():
        if acteur is None and not form.cleaned_data["confirm_new"]:
            suggestions = services.similar_acteurs(espace, form.cleaned_data["name"])
        if not suggestions:
            try:
                acteur = _save(espace, request.user, form.to_data(), acteur)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Enregistré."))
                return redirect("cooperation:acteur_detail", slug=espace.slug, pk=acteur.pk)
    context = space_context(
        request, espace, "cooperation", section="acteurs", form=form, acteur=acteur
    )
    context["suggestions"] = suggestions
    status = 400 if form.errors else 200
    return render(request, "cooperation/acteur_form.html", context, status=status)


def _save(espace, user, data: dict, acteur: Acteur | None) -> Acteur:
    if acteur is None:
        return services.create_acteur(espace, user, data)
    return services.update_acteur(acteur, user, data)


@login_required
def acteur_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    acteur = ACTEUR.get(request, espace, pk, write=True)
    if request.method == "POST":
        services.delete_acteur(acteur, request.user)
        messages.success(request, _("« %(name)s » supprimé.") % {"name": acteur})
        return redirect("cooperation:acteur_list", slug=espace.slug)
    cancel = "cooperation:acteur_detail"
    context = space_context(
        request, espace, "cooperation", section="acteurs", record=acteur, cancel_url=cancel
    )
    return render(request, "cooperation/confirm_delete.html", context)


@login_required
def acteur_merge(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    acteur = ACTEUR.get(request, espace, pk, write=True)
    others = ACTEUR.visible(request.user, espace).exclude(pk=acteur.pk)
    form = MergeForm(request.POST or None, acteurs=others)
    if request.method == "POST" and form.is_valid():
        absorbed = form.cleaned_data["absorb"]
        try:
            services.merge_actors(acteur, absorbed, request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("« %(name)s » fusionné dans cette fiche.") % {"name": absorbed}
            )
            return redirect("cooperation:acteur_detail", slug=espace.slug, pk=acteur.pk)
    suggestions = services.similar_acteurs(espace, acteur.name, exclude=acteur.pk)
    context = space_context(
        request, espace, "cooperation", section="acteurs", acteur=acteur, form=form
    )
    context["suggestions"] = suggestions
    return render(
        request, "cooperation/acteur_merge.html", context, status=400 if form.errors else 200
    )
