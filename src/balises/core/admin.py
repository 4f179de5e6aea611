from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Job, User


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "name", "is_staff", "is_active", "date_joined")
    search_fields = ("email", "name")
    fieldsets = (
        (None, {"fields": ("email", "password", "name")}),
        (_("Droits"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Read-only: jobs are written by their tasks, the admin only looks."""

    list_display = ("label", "status", "done", "total", "user", "created_at", "finished_at")
    list_filter = ("status", "kind")
    search_fields = ("label", "kind", "user__email")
    readonly_fields = [field.name for field in Job._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
