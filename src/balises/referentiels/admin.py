"""Staff edit the référentiels they own here; built-in ones are read-only (derive a version)."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import Element, ElementKind, Lien, MaturityLevel, Referentiel


def _editable(request: HttpRequest, referentiel: Referentiel | None) -> bool:
    return referentiel is None or services.can_edit(referentiel, request.user)


def editable_by(user) -> QuerySet[Referentiel]:
    """The référentiels a staff member may change: their own, all non built-in for superusers."""
    editable = Referentiel.objects.filter(is_builtin=False)
    return editable if user.is_superuser else editable.filter(owner=user)


class OwnedInline(admin.TabularInline):
    extra = 0

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _editable(request, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and _editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _editable(request, obj)


class ElementKindInline(OwnedInline):
    model = ElementKind
    fields = ("code", "label_fr", "label_en", "order")


class MaturityLevelInline(OwnedInline):
    model = MaturityLevel
    fields = ("level", "label_fr", "label_en", "description_fr", "description_en")


@admin.register(Referentiel)
class ReferentielAdmin(SimpleHistoryAdmin):
    list_display = ("title_fr", "slug", "version", "is_builtin", "owner", "date")
    list_filter = ("is_builtin",)
    search_fields = ("title_fr", "title_en", "slug")
    readonly_fields = ("is_builtin", "derived_from", "created_at", "updated_at")
    inlines = [ElementKindInline, MaturityLevelInline]
    actions = ["derive"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _editable(request, obj)

    def save_model(self, request, obj, form, change):
        if not change and obj.owner_id is None:
            obj.owner = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Dériver une nouvelle version modifiable"))
    def derive(self, request: HttpRequest, queryset: QuerySet[Referentiel]) -> None:
        for referentiel in queryset:
            version = f"{referentiel.version}-{timezone.now():%Y%m%d%H%M%S}"
            new = services.derive_version(referentiel, version, owner=request.user)
            messages.success(request, _("Version créée : %(name)s") % {"name": new})


class ElementAdminBase(SimpleHistoryAdmin):
    def _referentiel(self, obj) -> Referentiel | None:
        return obj.referentiel if obj is not None else None

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and _editable(request, self._referentiel(obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and _editable(request, self._referentiel(obj))


@admin.register(Element)
class ElementAdmin(ElementAdminBase):
    list_display = ("code", "label_fr", "kind", "referentiel")
    list_filter = ("referentiel",)
    search_fields = ("code", "key", "label_fr", "label_en")
    list_select_related = ("kind", "referentiel")
    raw_id_fields = ("parent",)
    fields = (
        "referentiel", "parent", "kind", "code", "key", "order", "label_fr", "label_en",
        "label_origin", "label_note_fr", "label_note_en",
        "description_fr", "description_en", "evidence_fr", "evidence_en", "points",
        "is_interpretation", "source_ref",
    )  # fmt: skip

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "referentiel":
            kwargs["queryset"] = editable_by(request.user)
        elif db_field.name == "kind":
            kwargs["queryset"] = ElementKind.objects.filter(
                referentiel__in=editable_by(request.user)
            ).select_related("referentiel")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        services.ensure_editable(obj.referentiel, request.user)
        super().save_model(request, obj, form, change)
        services.renumber_elements(obj.referentiel)

    def delete_model(self, request, obj):
        services.ensure_editable(obj.referentiel, request.user)
        super().delete_model(request, obj)
        services.renumber_elements(obj.referentiel)


@admin.register(Lien)
class LienAdmin(ElementAdminBase):
    list_display = ("source", "kind", "target", "weight")
    list_filter = ("kind",)
    raw_id_fields = ("source", "target")

    def _referentiel(self, obj) -> Referentiel | None:
        return obj.source.referentiel if obj is not None else None

    def save_model(self, request, obj, form, change):
        services.ensure_editable(obj.source.referentiel, request.user)
        super().save_model(request, obj, form, change)
