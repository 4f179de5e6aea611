from django.contrib import admin
from django.urls import include, path

from balises.api.urls import api
from balises.espaces.views.home import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("balises.core.urls")),
    path("comptes/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("recherche/", include("balises.recherche.urls")),
    path("referentiels/", include("balises.referentiels.urls")),
    path("territoires/", include("balises.territoires.urls")),
    path("espaces/", include("balises.espaces.urls")),
    path("espaces/<slug:slug>/trajectoire/", include("balises.trajectoires.urls")),
    path("espaces/<slug:slug>/cooperation/", include("balises.cooperation.urls")),
    path("espaces/<slug:slug>/diagnostics/", include("balises.diagnostics.urls")),
]

handler400 = "balises.core.views.bad_request"
handler403 = "balises.core.views.permission_denied"
handler404 = "balises.core.views.page_not_found"
handler500 = "balises.core.views.server_error"
