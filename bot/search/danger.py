"""Recognising a message that signals danger now, so the emergency numbers come first.

A crisis line's rule of thumb: a missed alarm can cost a life, a false one hides the
answer someone needed. So the patterns (``danger_phrases``) are written for the way people
type, with misspellings spelled out rather than fuzzy-matched, and a match is set aside only
for clear reasons: the words are an idiom or a joke ("this paperwork is killing me"), the
sentence is about the past, a hypothetical or someone else's death with no word for "now"
near the match, or it is a calm question about emergency services ("can I call 112 without
papers?").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from bot.search import danger_phrases as phrases
from bot.search.danger_model import features, load_model
from bot.search.frequency import is_real_word
from bot.search.text import fold


def _any(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for many patterns; each starts at a word's start ('rope' is not in 'europe')."""
    # The word-start test once, before the alternatives: most positions are inside a word
    # and fail it at once, instead of once per alternative (four times faster).
    return re.compile("(?<![a-z0-9])(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


class _Patterns:
    """The compiled patterns, built on first use: compiling them takes a quarter second, which
    a process should not spend before it can answer its health check."""

    def __init__(self) -> None:
        self.kinds = {kind: _any(patterns) for kind, patterns in phrases.DANGER.items()}
        self.idioms = _any(phrases.IDIOMS)
        self.past_or_other = _any(phrases.PAST_OR_OTHER)
        self.now = _any(phrases.NOW)
        self.strong_now = _any(phrases.STRONG_NOW)
        self.safe_now = _any(phrases.SAFE_NOW)
        self.about_services = _any(phrases.ABOUT_SERVICES)
        self.joke = re.compile(phrases.JOKE)
        self.harm = {kind: _any(patterns) for kind, patterns in phrases.HARM.items()}
        self.urgent = _any(phrases.URGENT)


@lru_cache(maxsize=1)
def _compiled() -> _Patterns:
    return _Patterns()


def warm_up() -> None:
    """Compile the patterns and load the model now (the search index build calls this)."""
    _compiled()
    load_model()


_SENTENCE = re.compile(r"[.!?;\n]+")
_PUNCT = re.compile(r"[^\w\s]")
MAX_LENGTH = 2000
# How near a plain "now" must be to the danger words to count ("... and now he hits me").
NOW_WINDOW = 20
# How near a word for the past (or 'what if') must be to set a match in the past.
PAST_WINDOW = 80
JOKING_KINDS = ("violence", "child")
TYPO_LANGUAGES = ("nl", "en", "fr")
_TRIGGERS = [(kind, word) for kind, words in phrases.TRIGGER_WORDS.items() for word in words]


def _clean(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.replace("’", " ").replace("'", " ")).split())


def normalise(text: str) -> str:
    """Folded text as the patterns expect it: no accents, apostrophes as spaces, one space."""
    return _clean(fold(text[:MAX_LENGTH]))


def _sentences(text: str) -> list[str]:
    folded = fold(text[:MAX_LENGTH])
    return [s for s in (_clean(part) for part in _SENTENCE.split(folded)) if s]


def _in_present(sentence: str, start: int, end: int, message_past: bool = False,
                safe: tuple[tuple[int, int], ...] = ()) -> bool:
    """Whether the match at ``start:end`` speaks of now, not of the past or of 'what if'.

    ``message_past``: another sentence of the message sets it in the past ("Na 3 years
    ago."); then this sentence counts only if it has a word for now itself.
    """
    patterns = _compiled()
    unsafe = patterns.safe_now.sub(lambda m: " " * len(m.group()), sentence)
    if patterns.strong_now.search(unsafe):
        return True
    if any(a < end + PAST_WINDOW and b > start - PAST_WINDOW for a, b in safe):
        return False  # "not right now", "it is not serious", "I am safe now" near the match
    if not patterns.past_or_other.search(sentence[max(0, start - PAST_WINDOW):end + PAST_WINDOW]):
        return not message_past or bool(patterns.now.search(unsafe))
    window = unsafe[max(0, start - NOW_WINDOW):end + NOW_WINDOW]
    return bool(patterns.now.search(window))


def _kind_in(sentence: str, message_past: bool = False) -> str | None:
    patterns = _compiled()
    without_idioms = patterns.idioms.sub(lambda m: " " * len(m.group()), sentence)
    safe = tuple((m.start(), m.end()) for m in patterns.safe_now.finditer(without_idioms))
    cleaned = patterns.safe_now.sub(lambda m: " " * len(m.group()), without_idioms)
    joking = bool(patterns.joke.search(sentence))
    for kind, pattern in patterns.kinds.items():
        if joking and kind in JOKING_KINDS:
            continue
        for match in pattern.finditer(cleaned):
            if _in_present(cleaned, match.start(), match.end(), message_past, safe):
                return kind
    return _misspelt_trigger(cleaned, message_past, safe) or _urgent_harm(cleaned, joking, message_past, safe)


def _urgent_harm(sentence: str, joking: bool, message_past: bool = False,
                 safe: tuple[tuple[int, int], ...] = ()) -> str | None:
    """A harm word in a sentence that also signals urgency ('he has a bat, help')."""
    patterns = _compiled()
    if joking or not patterns.urgent.search(sentence):
        return None
    for kind, pattern in patterns.harm.items():
        for match in pattern.finditer(sentence):
            if _in_present(sentence, match.start(), match.end(), message_past, safe):
                return kind
    return None


def _misspelt_trigger(sentence: str, message_past: bool = False,
                      safe: tuple[tuple[int, int], ...] = ()) -> str | None:
    """A danger word typed with a letter or two wrong, never a real word of another meaning."""
    for match in re.finditer(r"\w{6,}", sentence):
        word = match.group()
        allowed = 1 if len(word) < 9 else 2
        for kind, trigger in _TRIGGERS:
            if abs(len(word) - len(trigger)) > allowed or word[0] != trigger[0]:
                continue
            if Levenshtein.distance(word, trigger, score_cutoff=allowed) <= allowed:
                if word == trigger or not is_real_word(word, TYPO_LANGUAGES):
                    if _in_present(sentence, match.start(), match.end(), message_past, safe):
                        return kind
    return None


def detect_danger(text: str) -> str | None:
    """The kind of danger a message signals now, or None.

    Kinds: suicide, selfharm, overdose, medical, violence, child, locked, sexual.
    """
    whole = normalise(text)
    if not whole:
        return None
    patterns = _compiled()
    calm = patterns.safe_now.sub(" ", whole)
    says_now = bool(patterns.strong_now.search(calm))
    if patterns.about_services.search(whole) and not says_now:
        return None
    message_past = bool(patterns.past_or_other.search(calm)) and not says_now
    for sentence in _sentences(text):
        kind = _kind_in(sentence, message_past)
        if kind:
            return kind
    if calm != whole and not says_now:
        return None  # "it is not serious", "I am safe now": the model alone does not overrule that
    model = load_model()
    if model is not None and model.fires(_features(whole, calm)):
        return _likely_kind(patterns.idioms.sub(" ", whole))
    return None


def message_features(text: str) -> list[str]:
    """What the danger model reads: the words (idioms taken out) and what the patterns see."""
    whole = normalise(text)
    return _features(whole, _compiled().safe_now.sub(" ", whole))


def _features(whole: str, calm: str) -> list[str]:
    patterns = _compiled()
    context = []
    for name, pattern, target in (("past", patterns.past_or_other, calm), ("now", patterns.now, calm),
                                  ("strongnow", patterns.strong_now, calm), ("safe", patterns.safe_now, whole),
                                  ("idiom", patterns.idioms, whole), ("services", patterns.about_services, whole),
                                  ("urgent", patterns.urgent, calm), ("joke", patterns.joke, whole)):
        if pattern.search(target):
            context.append(name)
    for kind, pattern in patterns.harm.items():
        if pattern.search(calm):
            context.append("harm_" + kind)
    return features(patterns.idioms.sub(" ", whole), tuple(context))


def _likely_kind(text: str) -> str:
    for kind, pattern in _compiled().harm.items():
        if pattern.search(text):
            return kind
    return "danger"
