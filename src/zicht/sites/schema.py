"""Site adapters as data: the pydantic schema of an adapter file (`adapters/*.yaml`).

An adapter says where a site's overview pages start, how to find ad links, the site's own ad code and the
next overview page, where the listed total sits (for the completeness check), and where each canonical field
and the free text sit on an ad page. Selectors are CSS (selectolax/lexbor); patterns are Python regexes.
Every selector and pattern is compiled at load time, so a malformed adapter fails before any crawl starts.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

# The `fields` keys extraction understands (docs/simulated-market.md, last section).
FieldName = Literal["name", "age", "gender", "city", "reception", "origin", "rate", "phone", "code"]
FIELD_NAMES: tuple[str, ...] = (
    "name",
    "age",
    "gender",
    "city",
    "reception",
    "origin",
    "rate",
    "phone",
    "code",
)


def check_selector(selector: str) -> str:
    """Reject a CSS selector lexbor cannot parse (raises ValueError, which pydantic reports)."""
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError

    if not selector.strip():
        raise ValueError("empty CSS selector")
    try:
        LexborHTMLParser("<html></html>").css(selector)
    except SelectolaxError:
        raise ValueError(f"invalid CSS selector {selector!r}") from None
    return selector


def check_pattern(pattern: str) -> str:
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        raise ValueError(f"invalid regular expression {pattern!r}: {error}") from None
    if compiled.groups < 1:
        raise ValueError(f"pattern {pattern!r} needs a capture group around the value")
    return pattern


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Extract(_Strict):
    """Where one value sits on a page.

    selector: CSS selector of the element (first match), or of the rows when `cells` is set.
    label: read the value paired with this label in the page's label/value lists (`ad.labels`) instead;
        several spellings may be given. Matching ignores case and a trailing colon.
    attribute: read this attribute instead of the element's text (e.g. href, data-phone).
    pattern: regex applied to the text; the named group `value` or else the first group is kept.
    cells: flatten every element matched by `selector` into "cell1: cell2" (one CSS selector per cell,
        empty cells dropped), rows joined with "; " (e.g. a rates table).
    all: join the texts of every match with "; " instead of taking the first.
    """

    selector: str | None = None
    label: list[str] | None = None
    attribute: str | None = None
    pattern: str | None = None
    cells: list[str] | None = None
    all: bool = False

    @field_validator("label", mode="before")
    @classmethod
    def _one_or_more_labels(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("selector")
    @classmethod
    def _selector(cls, value: str | None) -> str | None:
        return None if value is None else check_selector(value)

    @field_validator("cells")
    @classmethod
    def _cells(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            if not value:
                raise ValueError("cells needs at least one CSS selector")
            for cell in value:
                check_selector(cell)
        return value

    @field_validator("pattern")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        return None if value is None else check_pattern(value)

    @model_validator(mode="after")
    def _one_source(self) -> Extract:
        if (self.selector is None) == (self.label is None):
            raise ValueError("give exactly one of `selector` or `label`")
        if self.cells is not None and self.selector is None:
            raise ValueError("`cells` needs a row `selector`")
        if self.label is not None and (self.attribute or self.cells or self.all):
            raise ValueError("`label` lookups take only `pattern`, not attribute/cells/all")
        return self


def _shorthand(value: Any) -> Any:
    """A bare string is a CSS selector: `name: span.ad-name`."""
    return {"selector": value} if isinstance(value, str) else value


ExtractSpec = Annotated[Extract, BeforeValidator(_shorthand)]


class LabelList(_Strict):
    """A list of label/value pairs: <dt>/<dd>, <th>/<td> rows, <span class=label>/<span class=value>.

    The value is the element right after the label (its next element sibling).
    """

    container: str
    label: str
    value: str | None = None  # optional check that the value element matches this selector

    @field_validator("container", "label", "value")
    @classmethod
    def _selectors(cls, value: str | None) -> str | None:
        return None if value is None else check_selector(value)


class Overview(_Strict):
    """The overview (listing) pages."""

    ad_links: str  # CSS selector of the <a> elements that lead to ad pages (href is read)
    ad_code_pattern: (
        str  # regex on the ad URL's path; group `code` (or the first group) is the site's ad code
    )
    next_page: str | None = None  # CSS selector of the next-page link; absent on the last page
    listed_total: ExtractSpec  # where the number of ads the site says it lists sits (first integer is read)

    @field_validator("ad_links", "next_page")
    @classmethod
    def _selectors(cls, value: str | None) -> str | None:
        return None if value is None else check_selector(value)

    @field_validator("ad_code_pattern")
    @classmethod
    def _pattern(cls, value: str) -> str:
        return check_pattern(value)


class AdPage(_Strict):
    """An ad page: pre-filled fields, the free text and what the site hides."""

    labels: list[LabelList] = []
    fields: dict[FieldName, ExtractSpec]
    text: str  # CSS selector of the free text
    hidden: list[FieldName] = []  # fields the site never shows (e.g. the phone on site c)
    required: list[FieldName] = [
        "code"
    ]  # fields every ad page has; when most pages lack one, the layout changed

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        return check_selector(value)

    @model_validator(mode="after")
    def _consistent(self) -> AdPage:
        both = sorted(set(self.hidden) & set(self.fields))
        if both:
            raise ValueError(f"field(s) {both} are both mapped in `fields` and listed as `hidden`")
        unmapped = sorted(set(self.required) - set(self.fields))
        if unmapped:
            raise ValueError(f"required field(s) {unmapped} have no entry in `fields`")
        if not self.labels and any(spec.label for spec in self.fields.values()):
            raise ValueError("a field uses `label` but `labels` lists no label/value containers")
        return self


class Adapter(_Strict):
    """One site: the whole adapter file."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")  # the site's short id (store, WARC file names)
    title: str = ""
    start_paths: list[str] = Field(min_length=1)
    overview: Overview
    ad: AdPage

    @field_validator("start_paths")
    @classmethod
    def _paths(cls, paths: list[str]) -> list[str]:
        for path in paths:
            if not path.startswith("/"):
                raise ValueError(f"start path {path!r} must begin with '/' (it is joined to the base URL)")
        return paths
