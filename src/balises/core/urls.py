from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("compte/", views.account, name="account"),
    path("compte/supprimer/", views.delete_account, name="account_delete"),
]

from . import token_views  # noqa: E402

urlpatterns += [
    path("compte/jetons/", token_views.token_list, name="api_tokens"),
    path("compte/jetons/<int:pk>/revoquer/", token_views.token_revoke, name="api_token_revoke"),
]
