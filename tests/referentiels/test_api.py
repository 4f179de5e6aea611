def test_api_lists_referentiels(client, mini):
    data = client.get("/api/v1/referentiels/").json()
    rows = data["results"]
    assert [(r["slug"], r["version"], r["element_count"]) for r in rows] == [("mini", "1", 5)]


def test_api_gives_one_referentiel_with_its_tree(client, mini):
    data = client.get("/api/v1/referentiels/mini/1/").json()
    assert [e["code"] for e in data["elements"]] == ["H1", "H1-B1", "H1-B2", "H2", "H2-M1"]
    assert data["maturity_scale"][1]["label_fr"] == "initiatives isolées"


def test_api_gives_one_element_with_its_links(client, mini):
    data = client.get("/api/v1/referentiels/mini/1/elements/H1-B1/").json()
    assert data["links_in"][0]["code"] == "H2-M1" and data["points"] == 12.5


def test_api_unknown_referentiel_or_element_is_404(client, mini):
    assert client.get("/api/v1/referentiels/mini/7/").status_code == 404
    assert client.get("/api/v1/referentiels/mini/1/elements/NOPE/").status_code == 404


def test_api_refuses_a_bad_token(client, mini):
    response = client.get("/api/v1/referentiels/", HTTP_AUTHORIZATION="Bearer bal_faux")
    assert response.status_code == 401
