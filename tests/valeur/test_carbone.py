"""Avoided tonnes valued year by year with a carbon value path, in the path's euro year."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balises.valeur.carbone import value_avoided_emissions
from balises.valeur.erreurs import ValeurError
from balises.valeur.parametres import ParametreError
from balises.valeur.parametres_yaml import default_parametres

tonnes = st.decimals(min_value=0, max_value=100_000, places=1)


@given(st.dictionaries(st.integers(min_value=2018, max_value=2050), tonnes, max_size=10))
def test_each_year_is_valued_at_that_years_value_of_the_path(by_year):
    chemin = default_parametres().valeur_carbone("quinet-2019")
    valorisation = value_avoided_emissions(by_year, chemin)
    assert valorisation.annee_euro == 2018
    assert valorisation.tonnes == sum(by_year.values(), Decimal(0))
    for ligne in valorisation.lignes:
        assert ligne.valeur == by_year[ligne.annee] * chemin.value_for(ligne.annee)
    assert valorisation.valeur == sum(valorisation.by_year().values(), Decimal(0))


def test_in_2030_a_tonne_avoided_is_credited_250_euros_2018_by_quinet_2019():
    chemin = default_parametres().valeur_carbone("quinet-2019")
    assert value_avoided_emissions({2030: Decimal(1)}, chemin).valeur == 250


def test_negative_avoided_emissions_and_years_outside_the_path_are_refused():
    chemin = default_parametres().valeur_carbone("quinet-2019")
    with pytest.raises(ValeurError, match="négatives"):
        value_avoided_emissions({2030: Decimal(-1)}, chemin)
    with pytest.raises(ParametreError, match="2017"):
        value_avoided_emissions({2017: Decimal(1)}, chemin)
