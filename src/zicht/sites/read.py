"""Read pages with a site adapter: overview pages (ad links, next page, listed total) and ad pages (AdInput).

Pure functions over HTML (selectolax/lexbor), so the crawler and a later re-read of the archive agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from zicht.models import AdInput
from zicht.sites.schema import Adapter, Extract

_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_NUMBER = re.compile(r"\d{1,3}(?:[.,\u00a0 ]\d{3})+(?!\d)|\d+")
_EMPTY = frozenset(("-", "\u2013", "\u2014", "n/a"))
_BLOCKS = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 section article blockquote table tr pre header footer".split()
)


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _text(node: LexborNode) -> str:
    return _clean(node.text(separator=" ", strip=True))


def _block_text(node: LexborNode, out: list[str]) -> None:
    append = out.append  # a local name: this runs for every node of every ad text
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            append(child.text_content or "")
        elif tag == "br":
            append("\n")
        elif tag in ("script", "style", "-comment"):
            continue
        elif tag in _BLOCKS:
            append("\n")
            _block_text(child, out)
            append("\n")
        else:
            _block_text(child, out)


def free_text(node: LexborNode) -> str:
    """The text of an element with paragraphs and line breaks kept as newlines, spaces collapsed."""
    parts: list[str] = []
    _block_text(node, parts)
    # One substitution over the whole text instead of one per line: _SPACES never matches a newline, so
    # this equals _clean() line by line.
    lines = (line.strip() for line in _SPACES.sub(" ", "".join(parts)).split("\n"))
    return "\n".join(line for line in lines if line)


def _parse(html: str | bytes) -> LexborHTMLParser:
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    return LexborHTMLParser(html)


# Cached: a site repeats the same few labels on every page, and extract() looks up its spec labels per call.
@lru_cache(maxsize=1024)
def _norm_label(text: str) -> str:
    return _clean(text).rstrip(":").strip().casefold()


_TAG_NAME = re.compile(r"[a-z][a-z0-9]*")


@lru_cache(maxsize=64)
def _plain_tag(selector: str) -> bool:
    """Whether a selector is a bare lowercase tag name, which a tag comparison tests as css_matches would."""
    return _TAG_NAME.fullmatch(selector) is not None


def label_values(adapter: Adapter, tree: LexborHTMLParser) -> dict[str, str]:
    """Every label/value pair of the page's label lists, keyed by normalised label (first one wins)."""
    pairs: dict[str, str] = {}
    for group in adapter.ad.labels:
        # css_matches() parses the selector on every call; a bare tag name ("dd", "td") is the usual case.
        tag = group.value if group.value and _plain_tag(group.value) else None
        for container in tree.css(group.container):
            for label in container.css(group.label):
                value = label.next
                while value is not None and not value.is_element_node:
                    value = value.next
                if value is None:
                    continue
                if tag is not None:
                    if value.tag != tag:
                        continue
                elif group.value and not value.css_matches(group.value):
                    continue
                pairs.setdefault(_norm_label(label.text()), _text(value))
    return pairs


def _apply_pattern(spec: Extract, text: str | None) -> str | None:
    if not text:
        return None
    if spec.pattern is None:
        return text
    match = _regex(spec.pattern).search(text)
    if match is None:
        return None
    value = match.group("value") if "value" in match.re.groupindex else match.group(1)
    return _clean(value) or None


def extract(spec: Extract, tree: LexborHTMLParser, labels: dict[str, str] | None = None) -> str | None:
    """The value `spec` points at on a page, or None when the page does not have it."""
    if spec.label is not None:
        pairs = labels or {}
        for label in spec.label:
            found = pairs.get(_norm_label(label))
            if found:
                return _apply_pattern(spec, found)
        return None
    assert spec.selector is not None
    if spec.cells is not None:
        rows = []
        for row in tree.css(spec.selector):
            cells = [_first_filled(row, sel) for sel in spec.cells]
            if all(cells):
                rows.append(": ".join(cells))  # type: ignore[arg-type]
        return _apply_pattern(spec, "; ".join(rows))
    nodes = tree.css(spec.selector) if spec.all else [tree.css_first(spec.selector)]
    values = []
    for node in nodes:
        if node is None:
            continue
        raw = node.attributes.get(spec.attribute) if spec.attribute else _text(node)
        value = _apply_pattern(spec, _clean(raw) if raw else None)
        if value:
            values.append(value)
    return "; ".join(values) if values else None


def _first_filled(row: LexborNode, selector: str) -> str | None:
    """Text of the first element matching `selector` that is neither empty nor a dash."""
    for cell in row.css(selector):
        text = _text(cell)
        if text and text not in _EMPTY:
            return text
    return None


def ad_code_from_url(adapter: Adapter, url: str) -> str | None:
    """The site's ad code in an ad URL (the adapter's `ad_code_pattern` on the path), or None."""
    match = _regex(adapter.overview.ad_code_pattern).search(urlsplit(url).path)
    if match is None:
        return None
    return match.group("code") if "code" in match.re.groupindex else match.group(1)


@dataclass(frozen=True)
class AdPageRead:
    """What an ad page itself holds (no fallbacks): used for the layout check."""

    fields: dict[str, str]
    text: str
    text_found: bool


def read_ad_page(adapter: Adapter, html: str | bytes) -> AdPageRead:
    tree = _parse(html)
    labels = label_values(adapter, tree) if adapter.ad.labels else {}
    fields: dict[str, str] = {}
    for name, spec in adapter.ad.fields.items():
        value = extract(spec, tree, labels)
        if value:
            fields[name] = value
    node = tree.css_first(adapter.ad.text)
    return AdPageRead(fields, free_text(node) if node is not None else "", node is not None)


def read_ad(adapter: Adapter, html: str | bytes, url: str) -> AdInput:
    """Turn an archived ad page into the extraction input; the code falls back to the one in the URL."""
    page = read_ad_page(adapter, html)
    fields = dict(page.fields)
    code = fields.get("code") or ad_code_from_url(adapter, url)
    if code:
        fields["code"] = code
    return AdInput(id=f"{adapter.name}:{code or url}", text=page.text, fields=fields)


@dataclass(frozen=True)
class OverviewRead:
    """What an overview page lists."""

    listed_total: int | None  # None: the listed-total selector found nothing
    ads: list[tuple[str, str]]  # (absolute ad URL, site ad code), in page order
    links_found: int  # elements the ad-link selector matched
    unmatched: list[str]  # ad links whose URL the ad-code pattern does not match, or on another origin
    next_url: str | None


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def read_listed_total(adapter: Adapter, tree: LexborHTMLParser) -> int | None:
    text = extract(adapter.overview.listed_total, tree)
    match = _NUMBER.search(text) if text else None
    return int(re.sub(r"\D", "", match.group())) if match else None


def read_overview(adapter: Adapter, html: str | bytes, url: str) -> OverviewRead:
    """Ad links, next page and listed total of an overview page at `url` (links stay on its origin)."""
    tree = _parse(html)
    origin = _origin(url)
    ads, unmatched = [], []
    links = tree.css(adapter.overview.ad_links)
    for link in links:
        href = link.attributes.get("href")
        if not href:
            continue
        target = urljoin(url, href).split("#", 1)[0]
        code = ad_code_from_url(adapter, target)
        if code is None or _origin(target) != origin:
            unmatched.append(target)
        else:
            ads.append((target, code))
    next_url = None
    if adapter.overview.next_page:
        node = tree.css_first(adapter.overview.next_page)
        href = node.attributes.get("href") if node is not None else None
        if href:
            candidate = urljoin(url, href).split("#", 1)[0]
            next_url = candidate if _origin(candidate) == origin and candidate != url else None
    return OverviewRead(read_listed_total(adapter, tree), ads, len(links), unmatched, next_url)
