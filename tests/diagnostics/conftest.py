import datetime

import pytest

from balises.diagnostics import services
from balises.diagnostics.models import CampagneStatus
from balises.referentiels.apps import BUILTIN_FILES
from balises.referentiels.builtin import load_builtin


@pytest.fixture
def villes_pairs(db):
    return load_builtin(BUILTIN_FILES[0])


@pytest.fixture
def campagne(espace_a, alice, villes_pairs):
    campagne = services.create_campagne(
        espace_a,
        alice,
        title="Regards croisés 2026",
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 6, 30),
    )
    return services.set_status(campagne, alice, CampagneStatus.OPEN)


@pytest.fixture
def repondant_bob(campagne, alice, bob):
    return services.add_member(campagne, alice, bob, "elu")


@pytest.fixture
def outside(campagne, alice):
    """(repondant, token) of an outside person invited by link."""
    return services.invite_outside(
        campagne, alice, "Odile Dehors", "odile@example.org", "operateur"
    )


def element(campagne, code):
    return campagne.elements.get(code=code)
