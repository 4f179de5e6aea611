from django.urls import path

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("compte/", views.account, name="account"),
    path("compte/supprimer/", views.delete_account, name="account_delete"),
]

from . import token_views  # noqa: E402

urlpatterns += [
    path("compte/jetons/", token_views.token_list, name="api_tokens"),
    path("compte/jetons/<int:pk>/revoquer/", token_views.token_revoke, name="api_token_revoke"),
]

from . import job_views  # noqa: E402

urlpatterns += [
    path("taches/", job_views.job_list, name="job_list"),
    path("taches.json", job_views.job_list_json, name="job_list_json"),
    path("taches/<uuid:job_id>/", job_views.job_detail, name="job_detail"),
    path("taches/<uuid:job_id>/progression/", job_views.job_progress, name="job_progress"),
    path("taches/<uuid:job_id>.json", job_views.job_json, name="job_json"),
]
