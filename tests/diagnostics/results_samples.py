"""Campaign answers made in bulk, for results tests and the bench."""

from django.utils import timezone

from balises.diagnostics.models import AnswerStatus, Appreciation, Repondant, Viewpoint

VIEWPOINTS = list(Viewpoint.values)


def fill(campagne, respondents: int, level_of=None, justification="Parce que") -> list[Repondant]:
    """``respondents`` outside respondents spread over the viewpoints, each having submitted
    an answer on every element: ``level_of(index, viewpoint, element)`` (default: 2)."""
    elements = list(campagne.elements.order_by("position"))
    repondants = Repondant.objects.bulk_create(
        Repondant(
            campagne=campagne,
            name=f"Répondant {index}",
            email=f"r{index}@example.org",
            viewpoint=VIEWPOINTS[index % len(VIEWPOINTS)],
        )
        for index in range(respondents)
    )
    now = timezone.now()
    Appreciation.objects.bulk_create(
        Appreciation(
            repondant=repondant,
            element=element,
            level=level_of(index, repondant.viewpoint, element) if level_of else 2,
            justification=f"{justification} {index}",
            status=AnswerStatus.SUBMITTED,
            submitted_at=now,
        )
        for index, repondant in enumerate(repondants)
        for element in elements
    )
    return repondants
