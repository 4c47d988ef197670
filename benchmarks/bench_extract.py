"""Extraction throughput: ads per second per core, over the labelled development set repeated, or over the
unique ads of a simulated year read back from its WARC archive (longer texts, as the adapters hand them over).

Run: .venv/bin/python benchmarks/bench_extract.py [--repeat N] [--sim /tmp/demo-default]
Prints, per mode (no language detection, lingua low accuracy = the default, lingua high accuracy; one ad at
a time with extract_ad, and in batches of 1,000 with extract_ads as `zicht extract` and the pipeline run),
ads/s in CPU time of this process (per core: the machine is shared, so wall time moves with the load) and
in wall time, with the load average; plus the one-off cost of building the place index and the detectors,
and the language accuracy of both lingua modes on the development set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from zicht.extract import PlaceIndex, extract_ad, extract_ads, read_inputs
from zicht.extract.language import MAX_CHARS, detect_language, detector
from zicht.models import AdInput
from zicht.refdata import resolve_data_dir
from zicht.sites import Adapter
from zicht.sites.read import read_ad

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "labelled" / "ads.jsonl"


BATCH = 1000


def rate(ads: list[AdInput], places: PlaceIndex, batched: bool, **options: bool) -> tuple[float, float]:
    """(ads per CPU second, ads per wall second)."""
    cpu, wall = time.process_time(), time.perf_counter()
    if batched:
        for start in range(0, len(ads), BATCH):
            extract_ads(ads[start : start + BATCH], places, **options)
    else:
        for ad in ads:
            extract_ad(ad, places, **options)
    return len(ads) / (time.process_time() - cpu), len(ads) / (time.perf_counter() - wall)


def archived_pages(folder: Path) -> list[tuple[Adapter, bytes, str]]:
    """(adapter, archived HTML, url) of each unique ad page of a simulated year, read from its WARC files."""
    from zicht.crawl import iter_archived_ads, load_manifest
    from zicht.crawl.archive import read_payload

    archive = folder / "archive"
    seen: dict[tuple[str, str], tuple[Adapter, bytes, str]] = {}
    for run in sorted(p.name for p in archive.iterdir() if (p / "manifest.json").is_file()):
        sites = load_manifest(archive, run)["sites"]
        for site, page, ad in iter_archived_ads(archive, run):
            key = (site, ad.fields.get("code", ad.id))
            if key not in seen:
                adapter = Adapter.model_validate(sites[site]["adapter"])
                seen[key] = (adapter, read_payload(archive / page.warc_file, page.warc_offset), page.url)
    return list(seen.values())


def html_rate(pages: list[tuple[Adapter, bytes, str]], places: PlaceIndex) -> float:
    """Archived HTML to records (adapter reading + extraction in batches, language included): ads/CPU s."""
    cpu = time.process_time()
    for start in range(0, len(pages), BATCH):
        extract_ads([read_ad(a, html, url) for a, html, url in pages[start : start + BATCH]], places)
    return len(pages) / (time.process_time() - cpu)


def simulated_ads(folder: Path) -> list[AdInput]:
    from zicht.crawl import iter_archived_ads

    archive = folder / "archive"
    seen: dict[tuple[str, str], AdInput] = {}
    for run in sorted(p.name for p in archive.iterdir() if (p / "manifest.json").is_file()):
        for site, _page, ad in iter_archived_ads(archive, run):
            seen.setdefault((site, ad.fields.get("code", ad.id)), ad)
    return list(seen.values())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10, help="passes over the corpus")
    parser.add_argument(
        "--sim", type=Path, help="a demo folder: use its archived ads instead of the labelled set"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    places = PlaceIndex.from_data_dir(resolve_data_dir())
    print(f"place index built in {time.perf_counter() - started:.3f} s")  # noqa: T201
    for low in (False, True):
        started = time.perf_counter()
        detector(low).detect_language_of(
            "een korte tekst om de modellen te laden"
        )  # models load on first use
        print(f"lingua detector (low_accuracy={low}) ready in {time.perf_counter() - started:.3f} s")  # noqa: T201
    rows = list(read_inputs(GOLD, keep_expect=True))
    corpus = simulated_ads(args.sim) if args.sim else [ad for ad, _ in rows]
    ads = corpus * args.repeat
    extract_ad(ads[0], places)  # warm caches
    mean = statistics.mean(len(ad.text) for ad in corpus)
    source = f"simulated year {args.sim}" if args.sim else "labelled development set"
    what = f"{len(corpus)} from the {source} x {args.repeat}; text {mean:.0f} chars on average"
    print(f"{len(ads)} ads ({what})")  # noqa: T201
    print(f"language detection on the first {MAX_CHARS} characters")  # noqa: T201
    modes = (
        ("without language detection", {"detect": False}),
        ("lingua low accuracy (default)", {"detect": True, "low_accuracy_language": True}),
        ("lingua high accuracy", {"detect": True, "low_accuracy_language": False}),
    )
    for batched in (False, True):
        print("in batches of 1000 (extract_ads)" if batched else "one ad at a time (extract_ad)")  # noqa: T201
        for name, options in modes:
            cpu, wall = rate(ads, places, batched, **options)
            load = os.getloadavg()[0]
            line = (
                f"  {name:32} {cpu:7.0f} ads/s per core (CPU time), {wall:7.0f} ads/s wall, load {load:.1f}"
            )
            print(line)  # noqa: T201
    if args.sim:
        pages = archived_pages(args.sim) * args.repeat
        load = os.getloadavg()[0]
        rate_html = html_rate(pages, places)
        what = "archived HTML to records (read_ad + extract_ads)"
        line = f"{what} {rate_html:7.0f} ads/s per core, load {load:.1f}"
        print(line)  # noqa: T201
    for mode in (False, True):
        right = sum(detect_language(ad.text, mode) == expect.get("language") for ad, expect in rows)
        print(f"language accuracy on the development set (low_accuracy={mode}): {right / len(rows):.2%}")  # noqa: T201


if __name__ == "__main__":
    main()
