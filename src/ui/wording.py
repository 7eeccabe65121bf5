"""Words for counts: English plurals of the nouns the window shows.

Unit and yield names come from the baker ("Pumpkin loaf", "9-inch pie",
"Gingerbread man"), so "+s" is not enough. Only the last word of a name
changes ("9-inch pie" → "9-inch pies"), its capitalisation is kept, and a
name that already reads as a plural ("Rainbow sprinkles") is left alone.
"""

from __future__ import annotations

import re

# Whole words with their own plural (checked on the last word, lower case).
IRREGULAR = {
    "man": "men", "woman": "women", "child": "children", "person": "people",
    "foot": "feet", "tooth": "teeth", "goose": "geese", "mouse": "mice",
    "die": "dice", "ox": "oxen",
}
NOT_MAN = {"human", "german", "roman", "shaman", "caiman", "ottoman", "talisman"}
# f / fe → ves. Only these: "puff", "chef", "roof", "beef" take a plain "s".
F_TO_VES = {
    "loaf": "loaves", "half": "halves", "leaf": "leaves", "knife": "knives",
    "shelf": "shelves", "life": "lives", "wife": "wives", "wolf": "wolves",
    "calf": "calves", "thief": "thieves", "scarf": "scarves", "self": "selves",
    "sheaf": "sheaves", "elf": "elves",
}
O_TO_OES = {"potato", "tomato", "hero", "echo", "mango", "volcano"}
# Same in both numbers.
UNCHANGED = {"sheep", "fish", "deer", "series", "species", "dozen"}
# Singular words that end in "s" but are not plurals: they take "es".
SINGULAR_S = ("ss", "us", "is")

_LAST_WORD = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]+)([^A-Za-z0-9]*)$")


def _match_case(word: str, plural: str) -> str:
    if word.isupper() and len(word) > 1:
        return plural.upper()
    if word[:1].isupper():
        return plural[:1].upper() + plural[1:]
    return plural


def plural_word(word: str) -> str:
    """The plural of one English word, keeping its capitalisation."""
    lower = word.lower()
    if not lower:
        return word
    if lower in UNCHANGED:
        return word
    if lower in IRREGULAR:
        return _match_case(word, IRREGULAR[lower])
    if lower.endswith("man") and lower not in NOT_MAN:  # compounds: snowman → snowmen
        return word[:-3] + _match_case(word[-3:], "men")
    if lower in F_TO_VES:
        return _match_case(word, F_TO_VES[lower])
    if lower in O_TO_OES:
        return word + ("ES" if word.isupper() else "es")
    suffix = "ES" if word.isupper() and len(word) > 1 else "es"
    if lower.endswith("s"):
        if lower.endswith(SINGULAR_S) or len(lower) <= 3:
            return word + suffix  # glass → glasses, bus → buses
        return word  # already plural: cookies, sprinkles, oats
    if lower.endswith(("x", "z", "ch", "sh")):
        return word + suffix
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + ("IES" if word.isupper() and len(word) > 1 else "ies")
    return word + ("S" if word.isupper() and len(word) > 1 else "s")


def plural(noun: str, count: int) -> str:
    """``noun`` as it reads after the number ``count``: unchanged for 1 (and -1),
    otherwise with its last word made plural ("pumpkin loaf" → "pumpkin loaves",
    "9-inch pie" → "9-inch pies", "batch" → "batches")."""
    if abs(count) == 1:
        return noun
    found = _LAST_WORD.search(noun)
    if found is None:
        return noun  # nothing to pluralise ("9x13")
    word, tail = found.group(1), found.group(2)
    return noun[: found.start()] + plural_word(word) + tail


def count_of(count: int, noun: str) -> str:
    """'1 batch', '3 batches', '2 pumpkin loaves'."""
    return f"{count} {plural(noun, count)}"


def lower_name(name: str) -> str:
    """A name as it reads inside a sentence: first letter in lower case, unless the
    name starts with an acronym ("Sugar cookie" → "sugar cookie", "PB bar" stays)."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name
