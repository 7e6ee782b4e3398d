"""The transliteration rules, and uz-Cyrl.ftl held to them key by key.

Every key of uz-Cyrl.ftl is either exactly what the rules make of its uz.ftl text, or a
reviewed exception (locales/uz-Cyrl.exceptions.toml) pinned to the Latin text it was
reviewed against. So a new Latin key without its Cyrillic twin, or a Latin text changed
without the Cyrillic following, fails here with the rules' proposal in the message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import translit
from scripts.translit import (
    LATIN_FILE,
    exceptions,
    fingerprint,
    insert_missing,
    messages,
    proposals,
    replace_changed,
    review,
    to_cyrillic,
)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Oʻzbekiston", "Ўзбекистон"),  # oʻ
        ("Qoraqalpogʻiston Respublikasi", "Қорақалпоғистон Республикаси"),  # gʻ, q
        ("Toshkent shahri", "Тошкент шаҳри"),  # sh, h
        ("Xorazm, Buxoro, Jizzax", "Хоразм, Бухоро, Жиззах"),  # x, j
        ("choʻntak", "чўнтак"),  # ch
        ("Eʼlon, maʼlumot", "Эълон, маълумот"),  # the tutuq belgisi
        ("eshituv, ekran", "эшитув, экран"),  # e at a word's start
        ("telefon, Senat, Oliy Majlis", "телефон, Сенат, Олий Мажлис"),  # e after a consonant
        ("poeziya", "поэзия"),  # e after a vowel
        ("yetkazildi, Yangi, yuborish, yoki", "етказилди, Янги, юбориш, ёки"),  # at the start
        ("viloyati, Qashqadaryo, menyu", "вилояти, Қашқадарё, меню"),  # inside a word
        ("yoʻq, Yoʻldosheva", "йўқ, Йўлдошева"),  # y before oʻ is й
        ("tayyor, Navoiy", "тайёр, Навоий"),
        ("geolokatsiya, operatsion", "геолокация, операцион"),  # ts in loanwords
        ("ketsa", "кетса"),  # not in Uzbek verbs
        ("tsex", "цех"),
        ("skanerlang, eng", "сканерланг, энг"),  # ng stays нг
        ("albomni, Obyekt", "альбомни, Объект"),  # loanwords the letters get wrong
        ("SHOSHILINCH", "ШОШИЛИНЧ"),  # capitals: one letter for a digraph
        ("Oʻgʻiloy Gʻulomova", "Ўғилой Ғуломова"),
        ("O'g'il", "Ўғил"),  # typed apostrophes, as people type them
        ("NNTlarni", "ННТларни"),
    ],
)
def test_the_rules(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    "kept",
    [
        "<b>", "</code>", "&lt;", "&amp;", "&#39;", "https://t.me/bot?start=h1", "t.me/x",
        "/start", "/forget", "ADMIN_IDS", "python -m bot export", "Excel (XLSX)", "CSV",
        "SHA-256", "QR", "English", "7-Zip", "macOS", "id", ".csv",
    ],
)  # fmt: skip
def test_what_is_not_uzbek_prose_is_never_touched(kept: str) -> None:
    assert to_cyrillic(f"Salom {kept} dunyo") == f"Салом {kept} дунё"


def test_a_latin_name_may_take_a_suffix_but_a_lower_case_one_stands_alone() -> None:
    assert to_cyrillic("Windowsda") == "Windowsда"
    assert to_cyrillic("idora") == "идора"
    assert to_cyrillic("CSVga") == "CSVга"


def test_fluent_syntax_is_never_transliterated(tmp_path: Path) -> None:
    latin = tmp_path / "uz.ftl"
    latin.write_text(
        "item-count =\n"
        "    { $count ->\n"
        "        [one] { $count } ta hisobot\n"
        "       *[other] { NUMBER($count, useGrouping: 0) } ta hisobot\n"
        '    }, { -brand } { message-ref } { "sh" }\n',
        "utf-8",
    )
    assert proposals(["item-count"], latin) == (
        "item-count =\n"
        "    { $count ->\n"
        "        [one] { $count } та ҳисобот\n"
        "       *[other] { NUMBER($count, useGrouping: 0) } та ҳисобот\n"
        '    }, { -brand } { message-ref } { "sh" }\n'
    )


def test_every_cyrillic_key_is_the_rules_output_or_a_reviewed_exception() -> None:
    found = review()
    uz = messages(LATIN_FILE)
    assert found.missing == [], (
        "uz-Cyrl.ftl lacks keys of uz.ftl; add them with `python scripts/translit.py --missing "
        "--write`, then review them by hand: " + ", ".join(found.missing)
    )
    assert found.extra == [], f"uz-Cyrl.ftl has keys uz.ftl lacks: {found.extra}"
    assert found.unexplained == [], (
        "these keys differ from the rules' output and are not reviewed exceptions. Either "
        "uz.ftl changed and uz-Cyrl.ftl must follow (the rules propose below), or the "
        "Cyrillic is right on purpose: then list the key in uz-Cyrl.exceptions.toml with "
        "why.\n" + proposals(found.unexplained)
    )
    assert found.stale == [], (
        "uz.ftl changed these keys since their Cyrillic exception was reviewed. Review the "
        "Cyrillic again, then set `uz` in uz-Cyrl.exceptions.toml:\n"
        + "\n".join(f'[{key}] uz = "{fingerprint(uz[key])}"' for key in found.stale)
    )
    assert found.needless == [], (
        "these exceptions are not needed any more (the rules agree, or the key is gone); "
        f"remove them from uz-Cyrl.exceptions.toml: {found.needless}"
    )


def test_every_exception_says_why() -> None:
    for key, exception in exceptions().items():
        assert len(exception.why) > 20, f"{key}: say what the rules get wrong"
        assert len(exception.uz) == 12, f"{key}: `uz` must be the fingerprint of the Latin"


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    latin, cyrillic, listed = (tmp_path / n for n in ("uz.ftl", "uz-Cyrl.ftl", "exc.toml"))
    latin.write_text(
        "first = Birinchi\nsecond = Ikkinchi xabar\nthird = Uchinchi\nfourth = Toʻrtinchi\n"
        "fifth = Beshinchi\n",
        "utf-8",
    )
    cyrillic.write_text("first = Биринчи\n\n## Бўлим\nthird = Учинчи (қўлда)\n", "utf-8")
    listed.write_text(f'[third]\nwhy = "reviewed by hand"\nuz = "{"0" * 12}"\n', "utf-8")
    return latin, cyrillic, listed


def test_review_finds_missing_changed_and_stale_keys(tmp_path: Path) -> None:
    latin, cyrillic, listed = _files(tmp_path)
    found = review(latin, cyrillic, listed)
    assert found.missing == ["second", "fourth", "fifth"]
    assert found.stale == ["third"]  # its Latin is not the one the review saw
    assert found.unexplained == []
    cyrillic.write_text("first = Бошқа матн\nthird = Учинчи\nghost = Йўқ\n", "utf-8")
    found = review(latin, cyrillic, listed)
    assert (found.unexplained, found.needless, found.extra) == (["first"], ["third"], ["ghost"])


def test_missing_keys_are_inserted_in_the_latin_order(tmp_path: Path) -> None:
    latin, cyrillic, _ = _files(tmp_path)
    assert insert_missing(latin, cyrillic) == ["second", "fourth", "fifth"]
    assert cyrillic.read_text("utf-8") == (
        "first = Биринчи\nsecond = Иккинчи хабар\n\n## Бўлим\nthird = Учинчи (қўлда)\n"
        "fourth = Тўртинчи\nfifth = Бешинчи\n"
    )
    assert insert_missing(latin, cyrillic) == []  # nothing twice


def test_changed_latin_texts_get_new_proposals_but_reviewed_ones_are_kept(
    tmp_path: Path,
) -> None:
    latin, cyrillic, listed = _files(tmp_path)
    cyrillic.write_text(
        "first = Эски матн\n# a note\nsecond =\n    Эски\n    икки қатор\nthird = Қўлда\n",
        "utf-8",
    )
    assert replace_changed(latin, cyrillic, listed) == ["first", "second"]
    assert cyrillic.read_text("utf-8") == (
        "first = Биринчи\n# a note\nsecond = Иккинчи хабар\nthird = Қўлда\n"
    )
    assert replace_changed(latin, cyrillic, listed) == []


def test_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert translit.main(["--text", "Oʻzbekiston"]) == 0
    assert capsys.readouterr().out == "Ўзбекистон\n"
    assert translit.main(["chamber-senate"]) == 0
    assert capsys.readouterr().out == "chamber-senate = Олий Мажлис Сенати\n"
    assert translit.main(["no-such-key"]) == 2
    assert "no-such-key" in capsys.readouterr().err
    # The real files are complete and reviewed: nothing to propose, nothing stale.
    assert translit.main(["--missing"]) == 0
    assert capsys.readouterr().out == ""
    assert translit.main(["--stale"]) == 0
    assert capsys.readouterr().out == ""
    with pytest.raises(SystemExit):
        translit.main([])
