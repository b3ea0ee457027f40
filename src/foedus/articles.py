"""Articles in: plain text, HTML, JSONL and folders of these, streamed one article at a time.

`read_inputs` yields an `Article` for every readable input and a `Skipped` (with a reason that
names the input and the fix) for every one that is not, so one bad file never stops a run.
Memory stays constant: folders are walked lazily and JSONL is read line by line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tomllib
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from foedus.errors import DataFileError, InputError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Article",
    "Skipped",
    "article_id",
    "clean_text",
    "example_articles",
    "parse_date",
    "read_inputs",
]

DEFAULT_MAX_BYTES = 5_000_000
"""Largest file (or JSONL line) read; a news article is rarely over 100 kB."""

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")

_FURNITURE_WORDS = (
    "comments?",
    "share( this( article| story)?)?",
    "related( articles| stories| content)?",
    "advertisement",
    "read more",
    "more on this story",
    "sign up",
    "subscribe",
    "follow us",
    "print",
    "email",
    "tags",
    "topics",
)
_FURNITURE = "(?:" + "|".join(_FURNITURE_WORDS) + r")(?:\s*\(?\d*\)?)?:?"
# A furniture word alone on the last line, or glued straight after the last sentence's
# closing punctuation ("...the West.Comments"), as text copied from a web page often ends.
_TRAILING_FURNITURE = re.compile(
    rf"(?:(?:^|\n)[ \t]*{_FURNITURE}|(?<=[.!?\"”’)]){_FURNITURE})[ \t]*\Z",
    re.IGNORECASE,
)
_TAIL = 200
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_JSONL_FIELDS = ("title", "url", "source")
_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_HTML_WORDS = 5


@dataclass(frozen=True)
class Article:
    """One news article, ready to code.

    `id` is the sha256 of the normalized text, so the same article read twice (a re-run, or a
    duplicate in the corpus) has the same id. `origin` says where it came from: a path, or
    ``path:line`` for JSONL.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None
    source: str | None = None
    origin: str = ""

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        title: str | None = None,
        url: str | None = None,
        date: dt.date | None = None,
        source: str | None = None,
        origin: str = "<text>",
    ) -> Article:
        """An article from raw text: furniture dropped, id computed."""
        cleaned = clean_text(text)
        return cls(article_id(cleaned), cleaned, title, url, date, source, origin)


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read, and why (the reason names the input and the fix)."""

    origin: str
    reason: str


def article_id(text: str) -> str:
    """The sha256 hex digest of `text` with Unicode and whitespace normalized."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def clean_text(text: str) -> str:
    """Normalize line ends, repair mojibake, drop trailing page furniture ("Comments", ...)."""
    text = repair_mojibake(text.replace("\r\n", "\n").replace("\r", "\n").strip())
    while True:
        # Furniture is a few words at the very end; searching only the tail keeps this O(1).
        tail_start = max(0, len(text) - _TAIL)
        match = _TRAILING_FURNITURE.search(text, tail_start)
        if match is None:
            return text
        text = text[: match.start()].rstrip()


# Text that went through the wrong codecs on its way to us: UTF-8 read as Windows-1252
# ("â€™"), as Mac Roman ("‚Äô"), or as Mac Roman, written as Windows-1252 and read as Mac
# Roman again ("ÇƒÙ", as in the CAMEO codebook's examples). Each chain is undone in reverse.
_MOJIBAKE_CHAINS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("cp1252", "utf-8"),),
    (("mac_roman", "utf-8"),),
    (("mac_roman", "cp1252"), ("mac_roman", "utf-8")),
)
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


def repair_mojibake(text: str) -> str:
    """`text` with each run of garbled characters decoded back, where a chain of codecs
    undoes it exactly and gives fewer characters ("EuropeÇƒÙs" -> "Europe’s"); genuine
    accented words ("Koštunica", "Müller") decode under no chain and stay as they are."""
    if text.isascii():
        return text
    return _NON_ASCII_RUN.sub(lambda m: _undo(m.group()), text)


def _undo(run: str) -> str:
    for chain in _MOJIBAKE_CHAINS:
        fixed = run
        try:
            for wrong, right in chain:
                fixed = fixed.encode(wrong).decode(right)
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(fixed) < len(run):
            return fixed
    return run


def parse_date(value: object, where: str) -> dt.date | None:
    """An ISO date (or datetime) string as a `date`; None stays None.

    Raises `InputError` naming `where` for anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise InputError(
        f"{where}: invalid date {value!r}; write it as YYYY-MM-DD (e.g. '2025-06-25')."
    )


def read_inputs(
    paths: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Skipped]:
    """Stream the articles in `paths` (files or folders), one `Article` or `Skipped` each.

    `date` and `source` are defaults: a date or source found in the input (JSONL fields, HTML
    metadata) wins. Folders are walked recursively in sorted order; hidden files are ignored.
    """
    defaults = _Defaults(date, source, max_bytes)
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in _walk(path, set()):
                yield from _read_file(file, defaults)
        else:
            yield from _read_file(path, defaults)


def example_articles() -> list[Article]:
    """The demo articles shipped in `foedus.data.examples`, with their index metadata."""
    folder = resources.files("foedus.data.examples")
    index_name = "foedus/data/examples/index.toml"
    try:
        index = tomllib.loads(folder.joinpath("index.toml").read_text(encoding="utf-8"))
        entries = index["article"]
        return [_example(folder, entry, index_name) for entry in entries]
    except (tomllib.TOMLDecodeError, KeyError, TypeError, FileNotFoundError) as exc:
        raise DataFileError(
            f"{index_name}: cannot read the example index ({exc!r}); each [[article]] needs "
            "file, date, source and title, and the file must exist beside index.toml."
        ) from exc


@dataclass(frozen=True)
class _Defaults:
    date: dt.date | None
    source: str | None
    max_bytes: int


def _example(folder: Any, entry: dict[str, Any], index_name: str) -> Article:
    name = entry["file"]
    text = folder.joinpath(name).read_text(encoding="utf-8")
    when = entry["date"]
    day = when if isinstance(when, dt.date) else parse_date(when, f"{index_name} [{name}]")
    return Article.from_text(
        text,
        title=entry["title"],
        url=entry.get("url"),
        date=day,
        source=entry["source"],
        origin=f"foedus.data.examples/{name}",
    )


def _walk(folder: Path, seen: set[str]) -> Iterator[Path]:
    # Directories reached through symlinks are tracked so a link loop cannot recurse forever.
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path), seen)
        else:
            yield Path(entry.path)


def _read_file(path: Path, defaults: _Defaults) -> Iterator[Article | Skipped]:
    origin = str(path)
    suffix = path.suffix.lower()
    if not path.exists():
        yield Skipped(origin, f"{origin}: no such file or folder; check the path.")
        return
    if suffix not in SUPPORTED_SUFFIXES:
        known = ", ".join(SUPPORTED_SUFFIXES)
        yield Skipped(
            origin,
            f"{origin}: unsupported file type {suffix or '(none)'!r}; "
            f"foedus reads {known}. Rename or convert the file.",
        )
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, defaults)
        else:
            yield _read_document(path, suffix, defaults)
    except InputError as exc:
        yield Skipped(origin, str(exc))
    except OSError as exc:
        yield Skipped(origin, f"{origin}: cannot read ({exc.strerror or exc}); check permissions.")


def _read_document(path: Path, suffix: str, defaults: _Defaults) -> Article:
    origin = str(path)
    size = path.stat().st_size
    if size > defaults.max_bytes:
        raise InputError(_too_big(origin, size, defaults.max_bytes))
    data = path.read_bytes()
    text = _decode(data, origin) if suffix == ".txt" else _decode_html(data, origin)
    if suffix == ".txt":
        title = _first_line_title(text)
        return _article(text, origin, defaults, title=title)
    return _html_article(text, origin, defaults)


def _too_big(origin: str, size: int, limit: int) -> str:
    return (
        f"{origin}: {size / 1e6:.1f} MB is over the {limit / 1e6:.1f} MB limit for one "
        f"article; split it into one file per article (or a .jsonl file), or raise "
        f"--max-bytes (now {limit})."
    )


def _decode(data: bytes, origin: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _non_empty(data.decode("utf-16"), origin)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{origin}: invalid UTF-16 at byte {exc.start}; re-save the file as UTF-8."
            ) from exc
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"{origin}: binary file (NUL byte at offset {nul}); foedus reads "
            "text, HTML and JSONL only. Convert it to text first."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"{origin}: invalid UTF-8 at byte offset {exc.start} (byte 0x{bad}); re-save the "
            "file as UTF-8, e.g. `iconv -f latin1 -t utf-8 IN > OUT`."
        ) from exc
    return _non_empty(text, origin)


def _decode_html(data: bytes, origin: str) -> str:
    """HTML as text: UTF-8, else the charset the page declares (older sites use Latin-1)."""
    try:
        return _decode(data, origin)
    except InputError as error:
        declared = _CHARSET.search(data[:4096])
        if declared is None or b"\x00" in data:
            raise
        charset = declared.group(1).decode("ascii")
        try:
            return _non_empty(data.decode(charset), origin)
        except (LookupError, UnicodeDecodeError):
            raise error from None


def _non_empty(text: str, origin: str) -> str:
    if not text.strip():
        raise InputError(f"{origin}: empty file (no text to code); remove it or fill it.")
    return text


def _first_line_title(text: str) -> str | None:
    # News text files conventionally start with the headline on its own line.
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.strip() and 0 < len(first) <= 200 and not first.endswith((".", ":", ",")):
        return first
    return None


def _html_article(html: str, origin: str, defaults: _Defaults) -> Article:
    import trafilatura

    # trafilatura and htmldate warn on odd markup; the outcome is judged below instead.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    text = getattr(doc, "text", None) if doc is not None else None
    # Broken markup can leave only script or tag debris; an article has a handful of words.
    if not text or len(_WORD.findall(text)) < _MIN_HTML_WORDS:
        raise InputError(
            f"{origin}: no article text found in the HTML (malformed, or a page "
            "without a main text); save the article page itself, or its text as .txt."
        )
    found = getattr(doc, "date", None)
    day = _html_date(found, origin) or defaults.date
    return _article(
        text,
        origin,
        defaults,
        title=getattr(doc, "title", None),
        date=day,
        url=getattr(doc, "url", None),
    )


def _html_date(value: object, origin: str) -> dt.date | None:
    try:
        return parse_date(value, f"{origin} (HTML date metadata)")
    except InputError:
        # A page's unreadable metadata date is no reason to lose the article; the default holds.
        return None


def _article(
    text: str,
    origin: str,
    defaults: _Defaults,
    *,
    title: str | None = None,
    url: str | None = None,
    date: dt.date | None = None,
    source: str | None = None,
) -> Article:
    cleaned = clean_text(text)
    if not cleaned:
        raise InputError(f"{origin}: no text left after dropping page furniture; nothing to code.")
    return Article(
        id=article_id(cleaned),
        text=cleaned,
        title=title,
        url=url,
        date=date or defaults.date,
        source=source or defaults.source,
        origin=origin,
    )


def _read_jsonl(path: Path, defaults: _Defaults) -> Iterator[Article | Skipped]:
    with path.open("rb") as stream:
        number = 0
        while True:
            number += 1
            origin = f"{path}:{number}"
            line, size = _read_line(stream, defaults.max_bytes)
            if line is None:
                yield Skipped(origin, _too_big(origin, size, defaults.max_bytes))
                continue
            if not line:
                return
            if not line.strip():
                continue
            try:
                yield _jsonl_article(line, origin, defaults)
            except InputError as exc:
                yield Skipped(origin, str(exc))


def _read_line(stream: BinaryIO, limit: int) -> tuple[bytes | None, int]:
    """The next line if at most `limit` bytes, else None (the line is consumed), and its size.

    At end of file, (b"", 0).
    """
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line)
    size = len(line)
    while chunk := stream.readline(1 << 20):
        size += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return None, size


def _jsonl_article(line: bytes, origin: str, defaults: _Defaults) -> Article:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{origin}: invalid UTF-8 at byte offset {exc.start} of the line; "
            "re-save the file as UTF-8."
        ) from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{origin}: malformed JSON ({exc.msg} at column {exc.colno}); each "
            'line must be one JSON object such as {"text": "..."}.'
        ) from exc
    if not isinstance(record, dict):
        raise InputError(
            f"{origin}: a JSON {type(record).__name__}, not an object; each line "
            'must be one JSON object such as {"text": "..."}.'
        )
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            f"{origin}: missing or empty 'text' field; every line needs the "
            "article text as a string in 'text'."
        )
    fields = {name: _optional_str(record, name, origin) for name in _JSONL_FIELDS}
    day = parse_date(record.get("date"), f"{origin} field 'date'")
    return _article(text, origin, defaults, date=day, **fields)


def _optional_str(record: dict[str, Any], name: str, origin: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(
        f"{origin}: field {name!r} must be a string or null, not "
        f"{type(value).__name__} ({value!r})."
    )
