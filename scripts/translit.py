"""Uzbek Latin → Cyrillic: the rules `locales/uz-Cyrl.ftl` was made from, and a command.

The rules are the standard letter correspondence (oʻ→ў, gʻ→ғ, sh→ш, ch→ч, q→қ, h→ҳ,
ʼ→ъ, yo/yu/ya→ё/ю/я, e→э at the start of a word, "ng" stays нг) plus a short list of
words the letters alone get wrong (Russian loanwords with ь, ц or ъ). They never touch
what is not Uzbek prose: Fluent placeables and selectors (only text is changed, in the
parsed file), HTML tags and entities, links, /commands, SETTING_NAMES, and brand or
format names (Excel, CSV, QR…).

The output is a proposal: every line of uz-Cyrl.ftl was reviewed by hand, and where
the review disagreed with the rules the key is listed, with the reason, in
`locales/uz-Cyrl.exceptions.toml`. `tests/unit/test_translit.py` holds the two files to
each other, so a new or changed Latin text cannot go without its Cyrillic twin.

    python scripts/translit.py --missing           # proposals for keys uz-Cyrl.ftl lacks
    python scripts/translit.py --missing --write   # insert them into uz-Cyrl.ftl, in uz.ftl's order
    python scripts/translit.py --stale             # keys whose Latin changed since the review
    python scripts/translit.py --stale --write     # replace those with proposals, to review
    python scripts/translit.py KEY...              # the proposal for these keys
    python scripts/translit.py --text "Oʻzbekiston"
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import re
import sys
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fluent.syntax import FluentParser, FluentSerializer, ast, visitor

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
LATIN_FILE = LOCALES_DIR / "uz.ftl"
CYRILLIC_FILE = LOCALES_DIR / "uz-Cyrl.ftl"
EXCEPTIONS_FILE = LOCALES_DIR / "uz-Cyrl.exceptions.toml"

# U+02BB after o and g; U+02BC is the tutuq belgisi. Typed look-alikes are accepted too,
# so the command also works on text pasted from elsewhere.
TURNED_COMMA = "ʻ"
APOSTROPHE = "ʼ"
_OG_MARKS = "ʻ'‘’`"

_SINGLE = {
    "a": "а", "b": "б", "c": "ц", "d": "д", "f": "ф", "g": "г", "h": "ҳ", "i": "и",
    "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ",
    "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "х", "y": "й",
    "z": "з",
}  # fmt: skip
_VOWELS = set("aeiouAEIOU") | {"ў", "Ў"}
_LETTER = re.compile(r"[^\W\d_]")

# Stems the letters get wrong, all Russian loanwords: the stem is replaced, the Uzbek
# suffix after it follows the rules ("albomni" → "альбомни").
LOANWORDS = {
    "albom": "альбом",
    "obyekt": "объект",
    "sex": "цех",
}
# Names written in Latin in Cyrillic texts too; an Uzbek suffix still follows the rules.
KEEP_LATIN = (
    "ADMIN_IDS", "CSV", "English", "Excel", "id", "Linux", "macOS", "PDF", "QR", "SHA",
    "Windows", "XLSX", "Zip", "zip",
)  # fmt: skip

# Spans inside a text that are not prose: HTML tags and entities, links, /commands,
# setting names, file extensions, and the shell command the export texts name.
_PROTECTED = re.compile(
    r"<[^>]*>"
    r"|&(?:[a-zA-Z]+|#\d+);"
    r"|https?://\S+|t\.me/\S+"
    r"|(?<![\w/])/[a-z][a-z_]*"
    r"|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b"
    r"|\.(?:csv|ics|png|xlsx|zip)\b"
    r"|\bpython -m [\w.]+(?: [a-z-]+)?"
)
_WORD = re.compile(r"[^\W\d_][\w" + _OG_MARKS + APOSTROPHE + r"]*")


def to_cyrillic(text: str) -> str:
    """Uzbek Latin text → Cyrillic, leaving tags, links, commands and names alone."""
    out: list[str] = []
    position = 0
    for match in _PROTECTED.finditer(text):
        out.append(_prose(text[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(_prose(text[position:]))
    return "".join(out)


def _prose(text: str) -> str:
    return _WORD.sub(lambda match: _word(match.group()), text)


def _word(word: str) -> str:
    for name in KEEP_LATIN:
        suffix = word[len(name) :]
        # A capitalized name may take an Uzbek suffix ("Windowsda"); a lower-case one only
        # stands alone, so "id" is kept and "idora" is not.
        takes_suffix = not name.islower() and (not suffix or suffix.islower())
        if word.startswith(name) and (not suffix or takes_suffix):
            return name + _letters(suffix, start=False)
    lowered = word.lower()
    for stem, cyrillic in LOANWORDS.items():
        if lowered.startswith(stem):
            head = cyrillic.capitalize() if word[0].isupper() else cyrillic
            if word.isupper() and len(word) > 1:
                head = cyrillic.upper()
            return head + _letters(word[len(stem) :], start=False)
    return _letters(word, start=True)


def _letters(word: str, *, start: bool) -> str:
    """The letter rules over one word (or the rest of one, after a stem)."""
    shout = len(word) > 1 and word.isupper()
    out: list[str] = []
    i = 0
    while i < len(word):
        char = word[i]
        low = char.lower()
        rest = word[i + 1 : i + 3].lower()
        at_start = start and i == 0
        after_vowel = i > 0 and (word[i - 1] in _VOWELS or out[-1] in ("ў", "Ў"))
        after_letter = i > 0 or not start
        step = 1
        if low in "og" and len(word) > i + 1 and word[i + 1] in _OG_MARKS:
            cyr, step = ("ў" if low == "o" else "ғ"), 2
        elif char == APOSTROPHE or (char in "'’" and after_letter):
            cyr = "ъ"
        elif low == "s" and rest[:1] == "h":
            cyr, step = "ш", 2
        elif low == "c" and rest[:1] == "h":
            cyr, step = "ч", 2
        elif low == "t" and rest[:1] == "s" and (at_start or _tsiya(word, i)):
            cyr, step = "ц", 2  # loanwords: "tsex", "-tsiya", "-tsion"; not "ketsa"
        elif low == "y" and rest[:1] in ("o", "u", "a") and not _turned(word, i + 1):
            cyr, step = {"o": "ё", "u": "ю", "a": "я"}[rest[0]], 2
        elif low == "y" and rest[:1] == "e":
            # "ye" is е at a word's start and after a vowel; after a consonant it is the
            # ъе of Russian loanwords (obyekt → объект).
            cyr, step = ("е" if at_start or after_vowel or i == 0 else "ъе"), 2
        elif low == "e":
            cyr = "э" if at_start or after_vowel else "е"
        else:
            cyr = _SINGLE.get(low, char)
        if char.isupper() or (shout and cyr != char):
            cyr = cyr.upper() if shout else cyr[0].upper() + cyr[1:]
        out.append(cyr)
        i += step
    return "".join(out)


def _tsiya(word: str, i: int) -> bool:
    return word[i + 2 : i + 4].lower() in ("iy", "io")


def _turned(word: str, i: int) -> bool:
    """`word[i]` is an o or g followed by the turned comma (so "yoʻq" is йўқ, not ёʻқ)."""
    return len(word) > i + 1 and word[i + 1] in _OG_MARKS


# --- Fluent files -------------------------------------------------------------------------


class _TextTransliterator(visitor.Transformer):
    """Changes only the text of patterns: never ids, variables, selectors or literals."""

    def visit_TextElement(self, node: ast.TextElement) -> ast.TextElement:  # noqa: N802
        node.value = to_cyrillic(node.value)
        return node


def messages(path: Path) -> dict[str, ast.Message]:
    """The messages of a .ftl file, by key."""
    resource = FluentParser(with_spans=False).parse(path.read_text("utf-8"))
    return {e.id.name: e for e in resource.body if isinstance(e, ast.Message)}


def transliterate(message: ast.Message) -> ast.Message:
    """A copy of the message with its text in Cyrillic and no comment."""
    result = copy.deepcopy(message)
    result.comment = None
    _TextTransliterator().visit(result)
    return result


def source(message: ast.Message) -> str:
    """The message as it is written in a file, without its comment or trailing spaces."""
    bare = copy.deepcopy(message)
    bare.comment = None
    text = FluentSerializer().serialize_entry(bare)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def fingerprint(message: ast.Message) -> str:
    """What the review of a Latin text is pinned to: a change to it changes this."""
    return hashlib.sha256(source(message).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class ReviewedKey:
    """A key whose Cyrillic differs from the rules on purpose."""

    key: str
    why: str
    uz: str  # the fingerprint of the Latin text the review saw


def exceptions(path: Path = EXCEPTIONS_FILE) -> dict[str, ReviewedKey]:
    data = tomllib.loads(path.read_text("utf-8"))
    return {
        key: ReviewedKey(key, str(entry.get("why", "")), str(entry.get("uz", "")))
        for key, entry in data.items()
    }


@dataclass(frozen=True, slots=True)
class Review:
    """Where the Cyrillic file stands against the rules and the reviewed exceptions."""

    missing: list[str]  # in uz.ftl, not in uz-Cyrl.ftl
    extra: list[str]  # in uz-Cyrl.ftl, not in uz.ftl
    unexplained: list[str]  # differs from the rules and is not a reviewed exception
    stale: list[str]  # a reviewed exception whose Latin text changed since
    needless: list[str]  # a listed exception that now equals the rules' output


def review(
    latin: Path = LATIN_FILE, cyrillic: Path = CYRILLIC_FILE, listed: Path = EXCEPTIONS_FILE
) -> Review:
    uz, cyrl, known = messages(latin), messages(cyrillic), exceptions(listed)
    unexplained, stale, needless = [], [], []
    for key, message in uz.items():
        if key not in cyrl:
            continue
        differs = source(transliterate(message)) != source(cyrl[key])
        if key not in known:
            if differs:
                unexplained.append(key)
        elif not differs:
            needless.append(key)
        elif known[key].uz != fingerprint(message):
            stale.append(key)
    return Review(
        missing=[key for key in uz if key not in cyrl],
        extra=[key for key in cyrl if key not in uz],
        unexplained=unexplained,
        stale=stale,
        needless=needless + [key for key in known if key not in uz],
    )


def proposals(keys: Iterable[str], latin: Path = LATIN_FILE) -> str:
    """The rules' Cyrillic entries for these keys of uz.ftl, ready to paste."""
    uz = messages(latin)
    unknown = [key for key in keys if key not in uz]
    if unknown:
        raise KeyError(f"not in {latin.name}: {', '.join(unknown)}")
    return "".join(source(transliterate(uz[key])) for key in keys)


def insert_missing(latin: Path = LATIN_FILE, cyrillic: Path = CYRILLIC_FILE) -> list[str]:
    """Write the proposals for missing keys into uz-Cyrl.ftl, each after the key that
    precedes it in uz.ftl (so the two files keep one order and diff line by line)."""
    uz = messages(latin)
    text = cyrillic.read_text("utf-8")
    added: list[str] = []
    order = list(uz)
    for index, key in enumerate(order):
        present = _spans(text)
        if key in present:
            continue
        before = next((k for k in reversed(order[:index]) if k in present), None)
        at = present[before][1] if before is not None else len(text)
        if at == len(text) and not text.endswith("\n"):
            text += "\n"
            at += 1
        text = text[:at] + source(transliterate(uz[key])) + text[at:]
        added.append(key)
    cyrillic.write_text(text, "utf-8")
    return added


def replace_changed(
    latin: Path = LATIN_FILE, cyrillic: Path = CYRILLIC_FILE, listed: Path = EXCEPTIONS_FILE
) -> list[str]:
    """Replace each Cyrillic entry that is neither the rules' output nor a reviewed
    exception (its Latin text changed) with the rules' proposal, to be reviewed.

    Reviewed exceptions whose Latin changed are left alone: they were written by hand.
    """
    uz = messages(latin)
    keys = review(latin, cyrillic, listed).unexplained
    text = cyrillic.read_text("utf-8")
    for key in keys:
        start, end = _spans(text)[key]
        text = text[:start] + source(transliterate(uz[key])) + text[end:]
    cyrillic.write_text(text, "utf-8")
    return keys


def _spans(text: str) -> dict[str, tuple[int, int]]:
    """Each message's key → where its first line starts and its last line ends (after
    the newline)."""
    resource = FluentParser(with_spans=True).parse(text)
    spans: dict[str, tuple[int, int]] = {}
    for entry in resource.body:
        if isinstance(entry, ast.Message) and entry.span is not None:
            start = entry.id.span.start if entry.id.span is not None else entry.span.start
            end = entry.span.end
            spans[entry.id.name] = (start, end + 1 if text[end : end + 1] == "\n" else end)
    return spans


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/translit.py", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("keys", nargs="*", help="keys of uz.ftl to propose Cyrillic for")
    parser.add_argument("--missing", action="store_true", help="keys uz-Cyrl.ftl lacks")
    parser.add_argument(
        "--write", action="store_true", help="insert the missing, or replace the changed, keys"
    )
    parser.add_argument("--stale", action="store_true", help="keys to review again")
    parser.add_argument("--text", help="transliterate this text")
    args = parser.parse_args(argv)
    if args.text is not None:
        print(to_cyrillic(args.text))
        return 0
    if args.stale and args.write:
        for key in replace_changed():
            print(f"replaced {key}", file=sys.stderr)
        return 0
    if args.stale:
        found, uz = review(), messages(LATIN_FILE)
        for key in found.unexplained:
            print(f"# {key}: not the rules' output, and not a reviewed exception; the rules say:")
            print(proposals([key]), end="")
        for key in found.stale:
            print(
                f'# {key}: the Latin changed since the review (now uz = "{fingerprint(uz[key])}")'
            )
            print(proposals([key]), end="")
        for key in found.needless:
            print(f"# {key}: remove it from {EXCEPTIONS_FILE.name}, the rules agree now")
        return 1 if found.unexplained or found.stale or found.needless else 0
    if args.missing:
        missing = review().missing
        if args.write:
            for key in insert_missing():
                print(f"added {key}", file=sys.stderr)
            return 0
        print(proposals(missing), end="")
        return 0
    if not args.keys:
        parser.error("name keys, or use --missing, --stale or --text")
    try:
        print(proposals(args.keys), end="")
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
