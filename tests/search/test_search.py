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


def test_any_script_gives_tokens() -> None:
    assert tokens("أريد أن أموت") == ["اريد", "ان", "اموت"]
    assert tokens("Привет, врач") == ["привет", "врач"]
    assert tokens("dokter?!") == ["dokter"]


def test_everyday_words_cannot_decide_an_answer(snapshot, searcher: Searcher) -> None:  # noqa: ANN001
    result = searcher.search(snapshot, "si je suis arrêté, est-ce qu'ils vont m'expulser direct?")
    assert result.ids[0] != "police-report"
    assert {"police-arrested", "police-detention"} & set(result.ids[:3])


def test_a_real_word_is_not_corrected_into_another(snapshot, searcher: Searcher) -> None:  # noqa: ANN001
    result = searcher.search(snapshot, "ik ben in verwachting", prefer="nl")
    assert result.danger is None
    assert result.ids[0] == "health-pregnancy"


def test_code_switched_question_finds_the_page(snapshot, searcher: Searcher) -> None:  # noqa: ANN001
    result = searcher.search(snapshot, "kan ik work zonder papers?", prefer="nl")
    assert result.lang == "nl"
    assert result.ids[0] in ("work-rights", "work")


def test_a_lexicon_word_reaches_the_concept_in_any_language(snapshot, searcher: Searcher) -> None:  # noqa: ANN001
    assert searcher.search(snapshot, "avoca gratui svp", prefer="fr").ids[0] in (
        "legal-lawyer", "legal-free-advice", "legal-loket")
    assert searcher.search(snapshot, "ik need a lawyer", prefer="nl").ids[0] in (
        "legal-lawyer", "legal-free-advice", "legal-loket")


def test_a_named_city_picks_the_city_page(snapshot, searcher: Searcher) -> None:  # noqa: ANN001
    assert searcher.search(snapshot, "help in rotterdam", prefer="en").ids[0] == "local-rotterdam"
    assert searcher.search(snapshot, "hulp in den haag", prefer="nl").ids[0] == "local-denhaag"
    # without a city, the topic page beats every city page
    assert not searcher.search(snapshot, "food bank", prefer="en").ids[0].startswith("local-")


def test_the_home_page_is_searched(snapshot, searcher: Searcher) -> None:  # noqa: ANN001
    assert "home" in searcher.search(snapshot, "geen papieren wat nu", prefer="nl").ids[:3]


def test_danger_puts_emergency_first_and_keeps_the_question_page(snapshot, searcher: Searcher) -> None:  # noqa: ANN001
    result = searcher.search(
        snapshot, "can my son go to school, my husband is hitting me right now", prefer="en")
    assert result.ids[0] == EMERGENCY_ID and result.danger == "violence"
    assert "school-right" in result.ids[1:4]
