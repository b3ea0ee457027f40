from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from foedus.articles import (
    Article,
    Skipped,
    article_id,
    clean_text,
    example_articles,
    read_inputs,
)
from foedus.errors import InputError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

NEWS_HTML = """<!doctype html>
<html><head><title>Poland asks allies for talks</title>
<meta property="article:published_time" content="2025-09-10T08:00:00Z"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news section</a></li></ul></nav>
<div class="advert">SPONSORED: Cheap flights to Warsaw, book today and save big!</div>
<article>
<h1>Poland asks allies for talks</h1>
<p>Poland asked its NATO allies for consultations on Wednesday after several drones crossed
into its airspace during a night of attacks on Ukraine, the prime minister said.</p>
<p>The alliance's ambassadors met in Brussels the same day, and the secretary general said the
allies stood together with Poland against the reckless incursion.</p>
</article>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>UNIQUECOMMENTMARKER this is an outrage, first!</p></div></section>
<footer>Copyright 2025 Example News. All rights reserved.</footer>
</body></html>
"""


def _read(*paths: Path, **kwargs: object) -> list[Article | Skipped]:
    return list(read_inputs(paths, **kwargs))  # type: ignore[arg-type]


def _one(path: Path, **kwargs: object) -> Article | Skipped:
    (item,) = _read(path, **kwargs)
    return item


def _skip_reason(path: Path, **kwargs: object) -> str:
    item = _one(path, **kwargs)
    assert isinstance(item, Skipped), item
    assert str(path) in item.reason
    return item.reason


def test_plain_text_article(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline here\n\nRussia and Iran signed a treaty in Moscow.\n", "utf-8")
    item = _one(path, date=dt.date(2025, 1, 18), source="wire")
    assert isinstance(item, Article)
    assert item.title == "Headline here"
    assert item.text.endswith("in Moscow.")
    assert item.date == dt.date(2025, 1, 18)
    assert item.source == "wire"
    assert item.origin == str(path)
    assert item.id == article_id(item.text)


def test_id_is_stable_across_whitespace_and_rereads(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Moscow said  it would\nhelp.\n", "utf-8")
    two.write_text("Moscow said it would help.", "utf-8")
    first, second = _read(one, two)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id
    again = _one(one)
    assert isinstance(again, Article) and again.id == first.id
    assert len(first.id) == 64
    assert article_id("Moscow said it would not help.") != first.id


@pytest.mark.parametrize(
    "tail",
    [
        "\nComments",
        "Comments",
        "\nShare\nRelated",
        "\nAdvertisement\n",
        "\nRead more",
        "\nComments (12)",
        "\r\nShare this article\r\n",
    ],
)
def test_trailing_page_furniture_is_dropped(tmp_path: Path, tail: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("Title\nIran declined the offer of air defence help." + tail).encode())
    item = _one(path)
    assert isinstance(item, Article)
    assert item.text.endswith("air defence help.")


def test_furniture_words_inside_text_are_kept() -> None:
    text = "Comments by the minister were sharp.\nShare prices fell after the Related talks"
    assert clean_text(text) == text
    assert clean_text("He declined to make comments") == "He declined to make comments"


def test_shared_news_article_loses_its_comments_tail() -> None:
    path = SHARED / "corpora" / "news" / "russia-iran-military-aid-2025.txt"
    if not path.exists():
        pytest.skip(f"shared corpus not present at {path}")
    item = _one(path, date=dt.date(2025, 6, 25))
    assert isinstance(item, Article)
    assert path.read_text("utf-8").rstrip().endswith("Comments")
    assert not item.text.endswith("Comments")
    assert item.date == dt.date(2025, 6, 25)


def test_html_keeps_main_text_and_drops_nav_ads_comments(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(NEWS_HTML, "utf-8")
    item = _one(path, date=dt.date(2020, 1, 1))
    assert isinstance(item, Article)
    assert "consultations on Wednesday" in item.text
    assert "reckless incursion" in item.text
    for dropped in ("UNIQUECOMMENTMARKER", "Cheap flights", "World news section", "Copyright"):
        assert dropped not in item.text
    assert item.title == "Poland asks allies for talks"
    assert item.date == dt.date(2025, 9, 10), "the page's date wins over the default"


def test_html_without_date_takes_the_default(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(NEWS_HTML.replace("2025-09-10T08:00:00Z", ""), "utf-8")
    item = _one(path, date=dt.date(2025, 9, 11))
    assert isinstance(item, Article)
    assert item.date == dt.date(2025, 9, 11)


def test_malformed_html_without_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><<<div <script>var x = 1;</scr <nav>", "utf-8")
    assert "no article text" in _skip_reason(path)


def test_unclosed_html_still_yields_its_text(tmp_path: Path) -> None:
    path = tmp_path / "unclosed.html"
    path.write_text(
        "<html><body><div><p>Moscow offered to mediate between Iran and Israel "
        "in the conflict, officials said on Thursday<div><b>more words",
        "utf-8",
    )
    item = _one(path)
    assert isinstance(item, Article)
    assert "offered to mediate" in item.text


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    reason = _skip_reason(path)
    assert "binary" in reason and "offset 8" in reason


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Tehran and Moscow: caf\u00e9 talks".encode("latin-1"))
    reason = _skip_reason(path)
    assert "invalid UTF-8 at byte offset 22" in reason
    assert "0xe9" in reason and "iconv" in reason


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Title\nKyiv asked for help.".encode("utf-16"))
    item = _one(path)
    assert isinstance(item, Article) and item.text == "Title\nKyiv asked for help."


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", b"\xef\xbb\xbf"])
def test_empty_file_is_skipped(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty file" in _skip_reason(path)


def test_only_furniture_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "furniture.txt"
    path.write_text("Comments\nShare\n", "utf-8")
    assert "page furniture" in _skip_reason(path)


def test_fifty_megabyte_file_is_skipped_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = b"NATO allies met in Brussels to discuss the drone incursion.\n"
    with path.open("wb") as out:
        for _ in range(50_000_000 // len(line) + 1):
            out.write(line)
    assert path.stat().st_size > 50_000_000
    reason = _skip_reason(path)
    assert "50.0 MB" in reason and "split it" in reason and "--max-bytes" in reason


def test_max_bytes_can_be_raised(tmp_path: Path) -> None:
    path = tmp_path / "medium.txt"
    path.write_text("Title\n" + "Russia and Iran signed a treaty. " * 100, "utf-8")
    assert isinstance(_one(path, max_bytes=100), Skipped)
    assert isinstance(_one(path, max_bytes=10_000), Article)


def _write_jsonl(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", "utf-8")


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = {
        "text": "Iran declined Russia's offer.",
        "title": "T",
        "url": "https://x.example/1",
        "date": "2025-06-20",
        "source": "agency",
    }
    _write_jsonl(
        path,
        [
            json.dumps(good),
            "{not json",
            "",
            json.dumps({"title": "no text"}),
            json.dumps(["a list"]),
            json.dumps({"text": "Bad date.", "date": "20 June"}),
            json.dumps({"text": "Bad title.", "title": 7}),
            json.dumps({"text": "Defaults apply."}),
            json.dumps({"text": "Datetime ok.", "date": "2025-06-21T10:00:00Z"}),
        ],
    )
    items = _read(path, date=dt.date(2025, 1, 1), source="cli")
    origins = [item.origin for item in items]
    assert origins == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7, 8, 9)]
    first = items[0]
    assert isinstance(first, Article)
    assert (first.title, first.url, first.source) == ("T", "https://x.example/1", "agency")
    assert first.date == dt.date(2025, 6, 20)
    reasons = [item.reason for item in items if isinstance(item, Skipped)]
    assert len(reasons) == 5
    assert "malformed JSON" in reasons[0] and f"{path}:2" in reasons[0]
    assert "'text'" in reasons[1]
    assert "not an object" in reasons[2]
    assert "invalid date '20 June'" in reasons[3] and "YYYY-MM-DD" in reasons[3]
    assert "'title' must be a string" in reasons[4]
    defaults = items[6]
    assert isinstance(defaults, Article)
    assert (defaults.date, defaults.source) == (dt.date(2025, 1, 1), "cli")
    last = items[7]
    assert isinstance(last, Article) and last.date == dt.date(2025, 6, 21)


def test_jsonl_invalid_utf8_and_overlong_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "' + b"x" * 500 + b'"}\n{"text": "ok"}')
    items = _read(path, max_bytes=200)
    assert [type(item) for item in items] == [Skipped, Skipped, Article]
    assert isinstance(items[0], Skipped) and "byte offset 13" in items[0].reason
    assert isinstance(items[1], Skipped) and "--max-bytes" in items[1].reason


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    _write_jsonl(path, [json.dumps({"text": f"Article number {n}."}) for n in range(3)])
    stream = read_inputs([path])
    first = next(stream)
    assert isinstance(first, Article) and first.text == "Article number 0."
    # Lines written after the first read are still seen: the file is read lazily.
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"text": "Appended later."}) + "\n")
    rest = list(stream)
    assert [a.text for a in rest if isinstance(a, Article)][-1] == "Appended later."


def test_folder_walk_is_recursive_sorted_and_reports_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Title\nSecond.", "utf-8")
    (tmp_path / "a.txt").write_text("Title\nFirst.", "utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("ignored", "utf-8")
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": "Third."}) + "\n", "utf-8")
    items = _read(tmp_path)
    assert [Path(item.origin).name for item in items] == ["a.txt", "z.txt", "c.pdf", "d.jsonl:1"]
    skipped = items[2]
    assert isinstance(skipped, Skipped)
    assert "unsupported file type '.pdf'" in skipped.reason and ".jsonl" in skipped.reason


def test_missing_path_is_skipped(tmp_path: Path) -> None:
    assert "no such file" in _skip_reason(tmp_path / "nope.txt")


def test_symlink_loop_terminates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\nOnce.", "utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert len(_read(tmp_path)) == 1


def test_example_articles_are_complete() -> None:
    articles = example_articles()
    assert 4 <= len(articles) <= 6
    assert len({a.id for a in articles}) == len(articles)
    for article in articles:
        words = len(article.text.split())
        assert 150 <= words <= 350, (article.origin, words)
        assert article.date is not None and dt.date(2024, 1, 1) <= article.date
        assert article.title and article.text.startswith(article.title)
        assert article.source
    assert any("Article 4" in a.text for a in articles)


def test_from_text_matches_file_reading(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\nBody text.\nComments", "utf-8")
    item = _one(path)
    assert isinstance(item, Article)
    assert Article.from_text("Title\nBody text.\nComments").id == item.id


def test_parse_date_error_names_the_place() -> None:
    from foedus.articles import parse_date

    with pytest.raises(InputError, match="here: invalid date 'June'"):
        parse_date("June", "here")
    assert parse_date("2025-01-17", "x") == dt.date(2025, 1, 17)
    assert parse_date(None, "x") is None


def test_html_in_a_declared_legacy_charset_is_read(tmp_path: Path) -> None:
    path = tmp_path / "latin1.html"
    page = NEWS_HTML.replace("<head>", '<head><meta charset="windows-1252">')
    path.write_bytes(page.replace("Brussels", "Bruxelles caf\u00e9").encode("cp1252"))
    item = _one(path)
    assert isinstance(item, Article) and "Bruxelles caf\u00e9" in item.text


def test_html_with_invalid_utf8_and_no_charset_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(NEWS_HTML.replace("Brussels", "Br\u00fcssel").encode("latin-1"))
    assert "invalid UTF-8 at byte offset" in _skip_reason(path)


def _through(text: str, *chain: tuple[str, str]) -> str:
    for right, wrong in chain:  # what a misconfigured pipeline does: write one, read another
        text = text.encode(right).decode(wrong)
    return text


@pytest.mark.parametrize(
    "chain",
    [
        (("utf-8", "cp1252"),),
        (("utf-8", "mac_roman"),),
        (("utf-8", "mac_roman"), ("cp1252", "mac_roman")),
    ],
)
def test_mojibake_is_repaired(chain: tuple[tuple[str, str], ...]) -> None:
    from foedus.articles import repair_mojibake

    clean = "Kenya’s president said – again – «no» to the Sudanese envoy."
    garbled = _through(clean, *chain)
    assert garbled != clean
    assert repair_mojibake(garbled) == clean


def test_genuine_accents_are_left_alone() -> None:
    from foedus.articles import repair_mojibake

    text = "Koštunica met Müller and Erdoğan in Zürich; São Tomé’s envoy came."
    assert repair_mojibake(text) == text


def test_articles_are_repaired_on_reading() -> None:
    garbled = _through("Iran’s foreign minister", ("utf-8", "cp1252"))
    assert Article.from_text(garbled).text == "Iran’s foreign minister"
