from bot.content.model import EMERGENCY_ID
from bot.search import Searcher
from bot.search.text import fold, terms, tokens


def test_folding_and_elision() -> None:
    assert fold("Médecin ÉCOLE") == "medecin ecole"
    assert tokens("J'ai très mal") == ["j", "ai", "tres", "mal"]
    assert terms("les médecins", "fr") == terms("medecin", "fr")


def test_typos_still_find_the_page(snapshot, searcher: Searcher) -> None:  # noqa: ANN001
    result = searcher.search(snapshot, "tandartz", "nl")
    assert result.ids[0] == "health-dentist"
    result = searcher.search(snapshot, "dentsit toothache", "en")
    assert result.ids[0] == "health-dentist"


def test_language_is_detected_when_not_given(snapshot, searcher: Searcher) -> None:  # noqa: ANN001
    assert searcher.search(snapshot, "où est-ce que je peux dormir ce soir").lang == "fr"
    assert searcher.search(snapshot, "waar kan ik vannacht slapen").lang == "nl"
    assert searcher.search(snapshot, "where can I sleep tonight").lang == "en"


def test_emergency_first(snapshot, searcher: Searcher) -> None:  # noqa: ANN001
    result = searcher.search(snapshot, "ik wil niet meer leven")
    assert result.ids[0] == EMERGENCY_ID and result.danger == "suicide" and result.confident


def test_low_confidence_is_reported(snapshot, searcher: Searcher) -> None:  # noqa: ANN001
    assert not searcher.search(snapshot, "blorp zindle quax", "en").confident
    assert not searcher.search(snapshot, "", "en").hits


def test_index_rebuilds_when_the_snapshot_changes(snapshot, mini_content) -> None:  # noqa: ANN001
    from bot.content import load_content
    searcher = Searcher()
    assert searcher.search(snapshot, "dentist", "en").ids[0] == "health-dentist"
    mini = load_content(mini_content)
    assert searcher.search(mini, "GP insurance", "en").ids[0] == "health-gp"
    assert "health-dentist" not in searcher.search(mini, "dentist", "en").ids
