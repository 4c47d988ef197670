"""Extraction on a simulated year, scored against the simulator's ground truth (what each ad states).

Run: .venv/bin/python benchmarks/bench_extract_sim.py /tmp/demo-default [--examples 5] [--weeks 0-51]

Reads every archived ad page of every weekly run (DIR/archive/w###/) through the site adapters
(`zicht.crawl.iter_archived_ads`), extracts it with `extract_ad`, joins it to DIR/sim/truth/ads.parquet on
(site, site ad code) and prints:
- per-field accuracy per site and overall, per unique ad (an ad's pages are the same every week, so the first
  archived page of each ad is scored);
- fill rates over raw ad pages (ad-weeks, as the 2021 baseline counted its 365,140 raw ads): ours, the
  truth's (what the ads state at all) and the 2021 baseline's;
- the most frequent error pairs per field, with a text snippet of one example each.

Truth `language` "mixed" (Dutch and English in one ad) has no single right answer: it is left out of language
accuracy. Prices match within 1 euro (the simulator rounds normalised prices).
The simulator's texts are not the primary measure (tests/data/labelled is); read the errors for general
phenomena (a word form, a unit, a layout), not for the generator's exact templates.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from zicht.extract.evaluate import FIELDS as EVAL_FIELDS

# The fields of `zicht eval extract`, less origin_group (the truth states countries; the group follows).
FIELDS = tuple(field for field in EVAL_FIELDS if field != "origin_group")
TRUTH_COLUMN = {
    "gender": "ad_gender",
    "types": "ad_types",
    "origin_country": "stated_origin_country",
    "age": "stated_age",
    "price_per_hour": "price_per_hour",
    "municipality_code": "municipality_code",
    "phone": "phone_e164",
    "language": "language",
    "licence_terms": "licence_term",  # one term or null in the truth; compared as a set
    "indicators": "indicators",
}
# Fill rates of the 2021 baseline (share of raw ads), ../shared/reference/baseline-2021.md.
BASELINE_FILL = {
    "gender": 100,
    "types": 98,
    "origin_country": 72,
    "age": 96,
    "price_per_hour": 71,
    "municipality_code": 98,
}


def _value(field: str, value: Any) -> Any:
    if field == "licence_terms" and isinstance(value, str):
        return (value,)
    if field in ("types", "licence_terms", "indicators"):
        return tuple(sorted(value or ()))
    if field == "price_per_hour" and value is not None:
        return round(float(value))
    return value


def _same(field: str, got: Any, expected: Any) -> bool:
    if field == "price_per_hour" and got is not None and expected is not None:
        return abs(float(got) - float(expected)) <= 1.0
    return _value(field, got) == _value(field, expected)


def _filled(field: str, value: Any) -> bool:
    return bool(value) if field in ("types", "licence_terms", "indicators") else value is not None


def load_truth(sim: Path) -> dict[tuple[str, str], dict[str, Any]]:
    import pyarrow.parquet as pq

    truth: dict[tuple[str, str], dict[str, Any]] = {}
    for row in pq.read_table(sim / "truth" / "ads.parquet").to_pylist():
        truth.setdefault((row["site"], row["site_ad_id"]), row)  # one row per (ad_key, worker): keep one
    return truth


def _weeks(spec: str | None, runs: list[str]) -> list[str]:
    if not spec:
        return runs
    low, _, high = spec.partition("-")
    keep = range(int(low), int(high or low) + 1)
    return [r for r in runs if int(r[1:]) in keep]


def run(folder: Path, weeks: str | None) -> dict[str, Any]:
    from zicht.crawl import iter_archived_ads
    from zicht.extract import PlaceIndex, extract_ad
    from zicht.refdata import resolve_data_dir

    truth = load_truth(folder / "sim")
    places = PlaceIndex.from_data_dir(resolve_data_dir())
    archive = folder / "archive"
    runs = _weeks(weeks, sorted(p.name for p in archive.iterdir() if (p / "manifest.json").is_file()))
    seen: dict[tuple[str, str], tuple[dict[str, Any], str, dict[str, str]]] = {}
    pages: Counter[tuple[str, str]] = Counter()
    unmatched = 0
    started = time.perf_counter()
    extract_seconds = 0.0
    for run_id in runs:
        for site, _page, ad in iter_archived_ads(archive, run_id):
            key = (site, ad.fields.get("code", ""))
            if key not in truth:
                unmatched += 1
                continue
            pages[key] += 1
            if key in seen:
                continue
            t0 = time.perf_counter()
            record = extract_ad(ad, places).to_json()
            extract_seconds += time.perf_counter() - t0
            seen[key] = (record, ad.text, dict(ad.fields))
    return {
        "truth": truth,
        "seen": seen,
        "pages": pages,
        "unmatched": unmatched,
        "runs": len(runs),
        "seconds": time.perf_counter() - started,
        "extract_seconds": extract_seconds,
    }


def _snippet(text: str, length: int = 160) -> str:
    flat = " ".join(text.split())
    return flat[:length] + ("..." if len(flat) > length else "")


def report(result: dict[str, Any], examples: int) -> None:
    truth, seen, pages = result["truth"], result["seen"], result["pages"]
    sites = sorted({site for site, _ in seen})
    print(  # noqa: T201
        f"{result['runs']} weekly runs, {sum(pages.values())} ad pages, {len(seen)} unique ads "
        f"({result['unmatched']} pages without a truth row); {result['seconds']:.1f} s in all, "
        f"{result['extract_seconds']:.1f} s extracting "
        f"({len(seen) / max(result['extract_seconds'], 1e-9):.0f} ads/s)"
    )
    hits: dict[tuple[str, str], int] = Counter()
    counted: dict[tuple[str, str], int] = Counter()
    errors: dict[str, Counter[tuple[Any, Any]]] = defaultdict(Counter)
    example: dict[tuple[str, Any, Any], tuple[str, str]] = {}
    fill_ours: dict[tuple[str, str], int] = Counter()
    fill_truth: dict[tuple[str, str], int] = Counter()
    raw: dict[str, int] = Counter()
    for key, (record, text, fields) in seen.items():
        site, row = key[0], truth[key]
        weight = pages[key]
        raw[site] += weight
        raw["all"] += weight
        for field in FIELDS:
            got, expected = record[field], row[TRUTH_COLUMN[field]]
            for scope in (site, "all"):
                fill_ours[(scope, field)] += weight * _filled(field, got)
                fill_truth[(scope, field)] += weight * _filled(field, expected)
            if field == "language" and expected == "mixed":
                continue
            ok = _same(field, got, expected)
            for scope in (site, "all"):
                counted[(scope, field)] += 1
                hits[(scope, field)] += ok
            if not ok:
                pair = (_value(field, got), _value(field, expected))
                errors[field][pair] += 1
                example.setdefault(
                    (field, *pair), (f"{site}:{key[1]}", _snippet(text) + f"  fields={fields}")
                )

    scopes = [*sites, "all"]
    print("\nAccuracy per unique ad (share right, nulls included)")  # noqa: T201
    print(f"{'field':18}" + "".join(f"{'site ' + s if s != 'all' else 'all':>10}" for s in scopes))  # noqa: T201
    for field in FIELDS:
        cells = "".join(f"{hits[(s, field)] / max(counted[(s, field)], 1):>10.1%}" for s in scopes)
        print(f"{field:18}{cells}")  # noqa: T201
    print(f"{'n ads':18}" + "".join(f"{counted[(s, 'gender')]:>10}" for s in scopes))  # noqa: T201

    print("\nFill rate over raw ad pages (ours / stated in the ad per truth), and the 2021 baseline")  # noqa: T201
    header = "".join(f"{'site ' + s if s != 'all' else 'all':>16}" for s in scopes)
    print(f"{'field':18}{header}   2021")  # noqa: T201
    for field in FIELDS:
        cells = "".join(
            f"{fill_ours[(s, field)] / raw[s]:>9.1%}/{fill_truth[(s, field)] / raw[s]:>6.1%}" for s in scopes
        )
        base = BASELINE_FILL.get(field)
        print(f"{field:18}{cells}   {'' if base is None else f'{base}%'}")  # noqa: T201

    print(f"\nMost frequent errors (got -> expected), up to {examples} per field, one example each")  # noqa: T201
    for field in FIELDS:
        if not errors[field]:
            continue
        total = sum(errors[field].values())
        print(f"\n{field}: {total} wrong")  # noqa: T201
        for (got, expected), count in errors[field].most_common(examples):
            where, snippet = example[(field, got, expected)]
            print(f"  {count:4}x got {got!r} expected {expected!r}  e.g. {where}: {snippet}")  # noqa: T201


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="a demo folder with sim/ and archive/")
    parser.add_argument("--examples", type=int, default=5, help="error pairs shown per field")
    parser.add_argument("--weeks", help="runs to read, e.g. 0-51 or 3 (default: all)")
    args = parser.parse_args()
    report(run(args.folder, args.weeks), args.examples)


if __name__ == "__main__":
    main()
