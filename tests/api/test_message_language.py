"""Refusals and content problems in the language the client asks for (the editor's)."""

from __future__ import annotations

import httpx
import pytest

from tests.api.conftest import auth, propose


async def test_a_content_problem_in_each_language(client: httpx.AsyncClient, tokens) -> None:  # noqa: ANN001
    text = "Bel 020-765380 of lees [dit](http://example.org)."
    said = {}
    for header in (None, "nl-NL,nl;q=0.9", "fr-BE,fr;q=0.8,en;q=0.5", "de-DE"):
        page = await client.get("/pages/health-gp", params={"lang": "en"})
        headers = {"If-Match": page.headers["etag"]}
        if header:
            headers["Accept-Language"] = header
        response = await client.post("/changes", json={"page_id": "health-gp", "lang": "en", "text": text},
                                     headers=auth(tokens["a-editor"], **headers))
        assert response.status_code == 422
        said[header] = sorted(d["msg"] for d in response.json()["detail"])
    assert said[None] == said["de-DE"] == [
        "'020-765380' looks like a phone number, but a landline number has 10 digits, area code "
        "included",
        "link 'http://example.org' is not https",
    ]
    assert said["nl-NL,nl;q=0.9"] == [
        "'020-765380' lijkt op een telefoonnummer, maar een vast nummer heeft 10 cijfers, met het "
        "netnummer",
        "link 'http://example.org' is niet https",
    ]
    assert said["fr-BE,fr;q=0.8,en;q=0.5"] == [
        "'020-765380' ressemble à un numéro de téléphone, mais un numéro fixe a 10 chiffres, "
        "indicatif compris",
        "le lien 'http://example.org' n'est pas en https",
    ]


async def test_a_workflow_refusal_in_french(client: httpx.AsyncClient, tokens) -> None:  # noqa: ANN001
    created = await propose(client, tokens["a-editor"], title="The GP, now with a walk-in hour")
    cid = created.json()["id"]
    await client.post(f"/changes/{cid}/submit", headers=auth(tokens["a-editor"]))
    own = await client.post(f"/changes/{cid}/approve",
                            headers=auth(tokens["a-reviewer"], **{"Accept-Language": "fr"}))
    assert own.status_code == 403
    assert own.json()["detail"] == ("une personne d'une autre organisation doit approuver cette "
                                    "modification : votre organisation l'a écrite")
    editor = await client.post(f"/changes/{cid}/approve",
                               headers=auth(tokens["a-editor"], **{"Accept-Language": "nl"}))
    assert editor.json()["detail"] == "hiervoor is de rol reviewer of admin nodig"
    again = await client.post(f"/changes/{cid}/submit",
                              headers=auth(tokens["a-editor"], **{"Accept-Language": "nl"}))
    assert again.json()["detail"] == ("alleen een concept kan worden ingestuurd; deze wijziging "
                                      "is ingestuurd")
    english = await client.post(f"/changes/{cid}/submit", headers=auth(tokens["a-editor"]))
    assert english.json()["detail"] == "only a draft can be submitted; this change is submitted"


@pytest.mark.parametrize("lang, expected", [
    ("nl", "telefoonlink [0800-2000](tel:08002001): het getoonde nummer (08002000) is niet het "
           "nummer dat gebeld wordt (08002001)"),
    ("en", "phone link [0800-2000](tel:08002001): the number shown (08002000) is not the number "
           "called (08002001)"),
])
async def test_the_preview_explains_in_the_editors_language(
        client: httpx.AsyncClient, lang: str, expected: str) -> None:
    body = {"page_id": "health-gp", "lang": "fr", "title": "Le médecin",
            "text": "Appelez le [0800-2000](tel:08002001).", "search_phrases": ["médecin"],
            "sources": [{"title": "Basic Rights", "url": "https://www.basicrights.nl/"}]}
    response = await client.post("/preview", json=body, headers={"Accept-Language": lang})
    assert response.status_code == 200
    assert [p["message"] for p in response.json()["problems"]] == [expected]


async def test_a_body_too_large_is_refused_in_the_readers_language(client: httpx.AsyncClient, tokens) -> None:  # noqa: ANN001
    body = b'{"page_id": "health-gp", "lang": "en", "text": "' + b"x" * 300_000 + b'"}'
    response = await client.post("/changes", content=body, headers=auth(
        tokens["a-editor"], **{"Content-Type": "application/json", "Accept-Language": "fr"}))
    assert response.status_code == 413
    assert response.json()["detail"].startswith("la demande dépasse ")
