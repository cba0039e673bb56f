"""Recognising a message that signals danger, so the emergency numbers come first.

Patterns cover suicidal thoughts, violence happening now and medical emergencies in Dutch,
English and French, in the informal words people type, matched after accent folding.
Single trigger words also match with a typo ('zelfmoort', 'suicde'). A false alarm costs
one extra message; a missed one can cost a life, so the lists lean towards matching.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot.search.text import fold, tokens

_PHRASES: dict[str, tuple[str, ...]] = {
    "violence": (
        # nl
        r"(slaat|schopt|mishandelt|wurgt|bedreigt) (me|mij)", r"wil (me|mij) (vermoorden|doden)",
        r"ben (geslagen|verkracht|mishandeld)", r"(werd|word|wordt) (geslagen|verkracht|mishandeld)",
        r"in gevaar", r"(me|mij) (dood|vermoorden)", r"verkracht",
        # en
        r"(hits|hit|beats|beat|beating|hitting|kicks|chokes|strangles|threatens) me",
        r"(going|gonna|wants?) to kill me\b", r"(was|been|got|being) (raped|beaten|attacked)",
        r"raped", r"in danger", r"not safe (at home|here)", r"locked me (in|up)",
        # fr
        r"me (frappe|bat|battait|frappait|menace|etrangle)", r"(veut|va) me tuer",
        r"(ete|suis|etre) (violee?|battue?|frappee?|agressee?)", r"en danger",
        r"m'a (viole|violee|frappe|frappee)", r"ma (viole|violee|frappe|frappee)",
    ),
    "suicide": (
        # nl
        r"niet meer (willen )?leven", r"wil (niet meer leven|dood)", r"dood (willen|wil) ",
        r"dood wil", r"ik wil dood", r"mezelf (iets )?(aan ?doen|doden|ophangen|van kant)",
        r"(er )?een einde aan (maken|mijn leven)", r"eind aan mijn leven", r"zelfdoding",
        r"wil sterven", r"leven heeft geen zin", r"geen zin (meer )?in (het )?leven",
        # en
        r"kill(ing)? my ?self", r"end(ing)? (my|it) (life|all)", r"want(ed)? to die",
        r"wanna die", r"(do ?n[o']?t|dont) want to (live|be alive)", r"no reason to live",
        r"hurt(ing)? my ?self", r"self ?harm", r"better off dead", r"take my (own )?life",
        r"(cut|cutting) myself", r"to end it all",
        # fr
        r"me (tuer|suicider|pendre)", r"envie de mourir", r"veu[xt] mourir",
        r"(plus|pas) envie de vivre", r"mettre fin a (mes jours|ma vie)", r"en finir",
        r"me faire du mal", r"je vais mourir",
    ),
    "medical": (
        # nl
        r"kan (niet|bijna niet|nauwelijks) (meer )?ademen", r"bewusteloos", r"hartaanval",
        r"bloedt? (erg|heel erg|veel)", r"veel bloed", r"overdosis", r"flauwgevallen",
        r"ambulance", r"beroerte", r"pijn op (de|mijn) borst", r"vergiftig",
        # en
        r"can'?t breathe", r"cannot breathe", r"(hard|trouble|difficulty) breathing",
        r"unconscious", r"heart attack", r"bleeding (a lot|badly|heavily)", r"overdose",
        r"chest pain", r"stroke", r"passed out", r"not breathing", r"poison",
        # fr
        r"(peux|peut|arrive) (plus|pas) (a )?respirer", r"inconscient", r"crise cardiaque",
        r"saigne (beaucoup|trop)", r"overdose", r"douleur (a|dans) la poitrine", r"avc",
        r"evanoui", r"empoisonn",
    ),
}
_WORDS = {
    "suicide": ("zelfmoord", "suicide", "suicidal", "suicidaire", "suicider", "zelfdoding"),
    "violence": ("verkrachting", "verkracht", "raped"),
    "medical": ("bewusteloos", "unconscious", "inconscient", "overdose", "overdosis", "hartaanval"),
}
_COMPILED = {
    kind: re.compile(r"\b(" + "|".join(patterns) + r")")
    for kind, patterns in _PHRASES.items()
}


def detect_danger(text: str) -> str | None:
    """The kind of danger a message signals (suicide, violence, medical), or None."""
    folded = " ".join(fold(text).replace("’", "'").split())
    for kind, pattern in _COMPILED.items():
        if pattern.search(folded):
            return kind
    words = [w for w in tokens(text) if len(w) >= 6]
    for kind, triggers in _WORDS.items():
        for word in words:
            if any(fuzz.ratio(word, trigger) >= 85 for trigger in triggers):
                return kind
    return None
