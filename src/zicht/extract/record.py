"""One ad (site fields + free text) to its canonical record: site fields first, text mining fills the rest."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from zicht.extract.age import age_from_field, age_from_text
from zicht.extract.fields import normalise_fields
from zicht.extract.gender import gender_from_field, gender_from_text, resolve_gender
from zicht.extract.indicators import indicators_from
from zicht.extract.language import MAX_CHARS, detect_languages
from zicht.extract.licence import licence_terms
from zicht.extract.origin import origin_from_field, origin_from_text
from zicht.extract.phone import DEFAULT_REGION, phone_from_field, phone_from_text
from zicht.extract.place import COMMON_WORDS, PlaceIndex
from zicht.extract.price import price_from_field, price_per_hour
from zicht.extract.text import Prepared, fold_word, prepare, without_name
from zicht.extract.types import types_from
from zicht.models import AdInput, AdRecord, Evidence
from zicht.vocab import WORK_TYPES

_WORD = re.compile(r"[^\W\d_]+")


def extract_ad(
    ad: AdInput, places: PlaceIndex, detect: bool = True, low_accuracy_language: bool = True
) -> AdRecord:
    """The canonical record of one ad. Never raises on odd input: unreadable parts give nulls.

    detect: run language detection (the costliest step); low_accuracy_language: lingua's low-accuracy mode
    (trigrams only), faster on short texts and within one point of high accuracy on the labelled set
    (benchmarks/bench_extract.py). The display name and Dutch place names are blanked before detection.
    """
    return extract_ads([ad], places, detect, low_accuracy_language)[0]


def extract_ads(
    ads: Sequence[AdInput], places: PlaceIndex, detect: bool = True, low_accuracy_language: bool = True
) -> list[AdRecord]:
    """The records of many ads, the same as `extract_ad` one by one, but faster: language detection runs
    over the whole batch at the end, so lingua's models stay in the CPU caches instead of being evicted by
    the rules between two ads (about 20% of the time per ad; benchmarks/bench_extract.py)."""
    done = [_extract_without_language(ad, places) for ad in ads]
    if not detect:
        return [record for record, _ in done]
    languages = detect_languages([described for _, described in done], low_accuracy_language)
    return [dataclasses.replace(r, language=lang) for (r, _), lang in zip(done, languages, strict=True)]


def _extract_without_language(ad: AdInput, places: PlaceIndex) -> tuple[AdRecord, str]:
    """The record without its language, and the text to detect the language on."""
    fields = normalise_fields(ad.fields)
    text = prepare(ad.text)
    evidence: list[Evidence] = []

    text_gender = gender_from_text(text, fields.get("name"))  # "TS Demi": trans wording in the name counts
    letters = sum(map(str.isalpha, text.raw[:200]))
    gender = resolve_gender(gender_from_field(fields.get("gender")), text_gender, letters)

    described = without_name(text, fields.get("name"))  # "Rina Escort", "Thais": a name states nothing
    field_types, _ = types_from(fields.get("reception"))
    text_types, _ = types_from(described.raw, described.folded, implied=not fields.get("reception"))
    types = tuple(t for t in WORK_TYPES if t in field_types | text_types)

    country, group = origin_from_field(fields.get("origin"))
    if country is None:
        text_country, text_group, _ = origin_from_text(described)
        country, group = text_country, text_group or group

    age = age_from_field(fields.get("age"))
    if age is None:
        stated = age_from_text(text, places.names)
        age = stated[0] if stated else None

    municipality = places.lookup(fields["city"]) if fields.get("city") else None
    if municipality is None:
        found = places.find(text)
        municipality = found[0] if found else None

    # the site adapter may set the default region of national numbers (a constant field "phone_region")
    region = fields.get("phone_region") or DEFAULT_REGION
    phone = phone_from_field(fields.get("phone"), region)
    if phone is None:
        in_text = phone_from_text(text, region)
        phone = in_text[0] if in_text else None

    price = price_from_field(fields["rate"]) if fields.get("rate") else None
    if price is None:
        price = price_per_hour(text.raw, text.folded)

    terms = licence_terms(text)
    if fields.get("name"):  # "Privéhuis De Roos", "Club Venus": the display name names the venue
        named = {term for term, _ in terms}
        terms += [(t, m) for t, m in licence_terms(prepare(fields["name"])) if t not in named]
    evidence.extend(Evidence(f"licence:{term}", match) for term, match in terms)
    flags = indicators_from(text, age, gender)
    evidence.extend(flags)

    record = AdRecord(
        id=str(ad.id)[:200],
        gender=gender,
        types=types,
        origin_country=country,
        origin_group=group,
        age=age,
        price_per_hour=price[0] if price else None,
        municipality_code=municipality,
        phone=phone,
        licence_terms=tuple(dict.fromkeys(term for term, _ in terms)),
        indicators=tuple(e.name for e in flags),
        evidence=tuple(evidence),
        name=fields.get("name", "")[:100] or None,
    )
    return record, _without_places(described, places)


def _without_places(described: Prepared, places: PlaceIndex) -> str:
    """The start of the text that language detection reads, with capitalised Dutch place names blanked: a
    short English ad full of Dutch places ("incall Amsterdam West") otherwise reads as Dutch."""
    sample = described.raw[:MAX_CHARS]
    for word in _WORD.finditer(sample):
        name = word.group()
        if name[0].isupper() and (key := fold_word(name)) in places.names and key not in COMMON_WORDS:
            sample = sample[: word.start()] + " " * len(name) + sample[word.end() :]
    return sample
