import pytest

from bot.search import detect_danger

DANGER = [
    ("ik wil niet meer leven", "suicide"), ("ik denk aan zelfmoord", "suicide"),
    ("zelfmoort", "suicide"), ("ik wil dood", "suicide"), ("ik wil er een einde aan maken", "suicide"),
    ("I want to kill myself", "suicide"), ("i dont want to live anymore", "suicide"),
    ("wanna die", "suicide"), ("feeling suicidal", "suicide"), ("suicde", "suicide"),
    ("j'ai envie de mourir", "suicide"), ("je veux me suicider", "suicide"),
    ("je veux en finir", "suicide"), ("plus envie de vivre", "suicide"),
    ("mijn man slaat me", "violence"), ("hij wil me vermoorden", "violence"),
    ("my boyfriend hits me", "violence"), ("he is going to kill me", "violence"),
    ("I was raped", "violence"), ("mon mari me frappe", "violence"), ("il veut me tuer", "violence"),
    ("j'ai été violée", "violence"),
    ("mijn vriend is bewusteloos", "medical"), ("ik kan niet ademen", "medical"),
    ("my friend can't breathe", "medical"), ("he took an overdose", "medical"),
    ("il est inconscient", "medical"), ("je ne peux plus respirer", "medical"),
]
SAFE = [
    "where can i see a doctor", "mijn baas betaalt niet", "rights against domestic violence",
    "violences conjugales que faire", "can my child go to school", "ik zoek een advocaat",
    "j'ai mal aux dents", "how do i pay the hospital", "huiselijk geweld informatie",
]


@pytest.mark.parametrize("message,kind", DANGER)
def test_danger_is_recognised(message: str, kind: str) -> None:
    assert detect_danger(message) == kind


@pytest.mark.parametrize("message", SAFE)
def test_ordinary_questions_are_not_alarms(message: str) -> None:
    assert detect_danger(message) is None
