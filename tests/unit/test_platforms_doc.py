"""docs/platforms.md shows the capabilities table rendered from the declaration, so it cannot drift."""

from __future__ import annotations

from pathlib import Path

from integrations.platforms.capabilities import CAPABILITIES, Capabilities, MediaCapability
from integrations.platforms.limits import TextCounting
from integrations.platforms.media_rules import MB

DOC = Path(__file__).parents[2] / "docs" / "platforms.md"
BEGIN, END = "<!-- capabilities:begin -->", "<!-- capabilities:end -->"
UNITS = {
    TextCounting.GRAPHEMES: "graphemes",
    TextCounting.CODE_POINTS: "characters",
    TextCounting.META: "characters (an emoji counts its bytes)",
}


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _text(declared: Capabilities) -> str:
    text = declared.text
    rules = [f"{text.max_length:,} {UNITS[text.counting]}"]
    rules += [f"{text.max_bytes:,} bytes"] if text.max_bytes else []
    rules += [f"≤ {text.max_links} links"] if text.max_links else []
    rules += [f"≤ {text.max_hashtags} hashtags"] if text.max_hashtags else []
    rules += [f"title ≤ {text.title_max_length}"] if text.title_max_length else []
    return ", ".join(rules)


def _media(kind: MediaCapability) -> str:
    files = kind.files
    photos = "/".join(sorted(t.split("/")[1] for t in files.image_types)) or "no photos"
    if files.image_types and files.max_image_bytes:
        photos += f" ≤ {files.max_image_bytes // MB} MB"
    videos = "no video"
    if files.video_types:
        longest = f", ≤ {files.max_video_seconds:,.0f} s" if files.max_video_seconds else ""
        shortest = f", ≥ {files.min_video_seconds:g} s" if files.min_video_seconds else ""
        many = f"≤ {kind.max_videos} videos" if kind.max_videos > 1 else "1 video"
        videos = f"{many} ≤ {files.max_video_bytes // MB:,} MB{shortest}{longest}"
    label = f"{kind.variant}: " if kind.variant else ""
    return f"{label}{kind.min_items} to {kind.max_items} files; {photos}; {videos}" + (
        "; mixed" if kind.mixed else ""
    )


def table() -> str:
    head = "| network | text | media | threads | delete | first comment | quote / reply | link |"
    lines = [head, "|---|---|---|---|---|---|---|---|"]
    for declared in CAPABILITIES.values():
        threads = f"≤ {declared.max_thread_posts} posts" if declared.threads else "no"
        media = "<br>".join(_media(kind) for kind in declared.media)
        flags = (declared.delete, declared.first_comment, declared.quote and declared.reply, declared.link)
        cells = [declared.text.label, _text(declared), media, threads, *map(_yes, flags)]
        lines.append(f"| {' | '.join(cells)} |")
    return "\n".join(lines)


def test_the_doc_shows_the_declared_capabilities() -> None:
    doc = DOC.read_text(encoding="utf-8")
    shown = doc.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert shown == table(), f"paste this between the markers of {DOC}:\n{table()}"
