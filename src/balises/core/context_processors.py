from django.conf import settings


def site(request):
    return {"BALISES_VERSION": settings.VERSION, "SITE_URL": settings.SITE_URL}
