"""Danger detection: danger now is recognised in nl, en and fr; look-alikes are not alarms.

The examples come from the understanding issue and from how people type; the figures on
the blind set are in tests/content/test_understanding.py.
"""

import pytest

from bot.search import detect_danger

DANGER = [
    # suicide, direct and indirect
    ("ik wil niet meer leven", "suicide"), ("ik denk aan zelfmoord", "suicide"),
    ("zelfmoort", "suicide"), ("ik wil dood", "suicide"), ("ik wil er een einde aan maken", "suicide"),
    ("ik zie het niet meer zitten", "suicide"), ("I want to kill myself", "suicide"),
    ("i dont want to live anymore", "suicide"), ("wanna die", "suicide"), ("feeling suicidal", "suicide"),
    ("suicde", "suicide"), ("i want to end it", "suicide"), ("everyone is better off without me", "suicide"),
    ("j'ai envie de mourir", "suicide"), ("je veux me suicider", "suicide"), ("je veux en finir", "suicide"),
    ("je ne veux plus vivre", "suicide"), ("plus envie de vivre", "suicide"),
    # self-harm, overdose, poisoning
    ("I am cutting my arms again", "selfharm"), ("je me coupe les poignets", "selfharm"),
    ("my friend took many pills and is not waking up", "overdose"), ("he took an overdose", "overdose"),
    ("mijn zoontje heeft schoonmaakmiddel gedronken", "overdose"),
    # acute medical
    ("mijn vriend is bewusteloos", "medical"), ("ik kan niet ademen", "medical"),
    ("my friend can't breathe", "medical"), ("chest pain and sweating a lot", "medical"),
    ("il est inconscient", "medical"), ("je ne peux plus respirer", "medical"),
    ("her face is hanging on one side and she cant talk", "medical"),
    # violence now, a child, locked in, sexual violence
    ("mijn man slaat me", "violence"), ("hij wil me vermoorden", "violence"),
    ("my boyfriend hits me", "violence"), ("he is going to kill me", "violence"),
    ("mon mari me frappe", "violence"), ("il veut me tuer", "violence"),
    ("my boss locked me in the house", "locked"), ("mijn baas sluit me op in de kamer", "locked"),
    ("I was raped", "sexual"), ("j'ai été violée", "sexual"),
    # danger buried in a longer question
    ("I wanted to ask about school for my son but my husband is hitting me right now and I am scared",
     "violence"),
]
SAFE = [
    "where can i see a doctor", "mijn baas betaalt niet", "rights against domestic violence",
    "violences conjugales que faire", "can my child go to school", "ik zoek een advocaat",
    "j'ai mal aux dents", "how do i pay the hospital", "huiselijk geweld informatie",
    # look-alikes: pregnancy is not rape, idioms, the past, someone else, questions about 112
    "ik ben in verwachting", "we verwachten een kindje, mag ik naar de verloskundige",
    "this bureaucracy is killing me", "je suis mort de fatigue", "ik schrik me dood van die brief",
    "I'm dying to know if I can get a lawyer",
    "my cousin took his life three years ago, does his wife have rights?",
    "I was raped two years ago, can I still report it?",
    "can I call 112 without papers?", "will the ambulance ask for my ID?",
    "kan ik work zonder papers?", "c quoi une overdose de vitamine D?",
]


@pytest.mark.parametrize("message,kind", DANGER)
def test_danger_is_recognised(message: str, kind: str) -> None:
    assert detect_danger(message) == kind


@pytest.mark.parametrize("message", SAFE)
def test_look_alikes_are_not_alarms(message: str) -> None:
    assert detect_danger(message) is None


def test_a_real_word_is_never_corrected_into_a_danger_word() -> None:
    assert detect_danger("verwachting") is None
    assert detect_danger("verkrachting") == "sexual"
    assert detect_danger("verkrachtting") == "sexual"  # a typo of the danger word itself
