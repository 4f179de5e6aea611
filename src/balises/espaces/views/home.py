"""The site's home page: what Balises holds and where to start, with the demo towns."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from balises.espaces.models import Espace


def home(request: HttpRequest) -> HttpResponse:
    # Only the demo towns that are there: a town whose team took its space over is not listed.
    demo_espaces = Espace.objects.filter(is_demo=True).select_related("territoire")
    return render(request, "core/home.html", {"demo_espaces": demo_espaces})
