"""Addresses of territory spaces (/espaces/…)."""

from django.urls import path

from .views import entry
from .views import space as views

app_name = "espaces"
urlpatterns = [
    path("", entry.my_espaces, name="list"),
    # Before « <slug>.json »: a space's slug ends with its territory's code or kind, so no
    # space can be called « mes-espaces ».
    path("mes-espaces.json", entry.my_espaces_json, name="list_json"),
    path("ouvrir/", entry.open_espace, name="open"),
    path("a-verifier/", entry.to_verify, name="to_verify"),
    path("invitation/<str:token>/", entry.invitation, name="invitation"),
    path("<slug:slug>/", views.espace_home, name="home"),
    path("<slug:slug>.json", views.espace_json, name="home_json"),
    path("<slug:slug>/verifier/", entry.verify, name="verify"),
    path("<slug:slug>/confier/", entry.hand_over, name="hand_over"),
    path("<slug:slug>/membres/", views.members, name="members"),
    path("<slug:slug>/membres.json", views.members_json, name="members_json"),
    path("<slug:slug>/membres/inviter/", views.invite, name="invite"),
    path("<slug:slug>/membres/<int:pk>/role/", views.change_role, name="change_role"),
    path("<slug:slug>/membres/<int:pk>/retirer/", views.remove_member, name="remove_member"),
    path(
        "<slug:slug>/invitations/<int:pk>/annuler/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path("<slug:slug>/quitter/", views.leave, name="leave"),
    path("<slug:slug>/parametres/", views.espace_settings, name="settings"),
]
