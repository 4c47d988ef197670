"""Extraction throughput: ads per second on one core, over the labelled development set repeated.

Run: .venv/bin/python benchmarks/bench_extract.py [--repeat N]
Prints ads/s without language detection, with lingua (high accuracy, the default) and with lingua's
low-accuracy mode, plus the one-off cost of building the place index and the language detector, and the
language accuracy of both lingua modes on the development set.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from zicht.extract import PlaceIndex, extract_ad, read_inputs
from zicht.extract.language import detect_language, detector
from zicht.refdata import resolve_data_dir

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "labelled" / "ads.jsonl"


def rate(ads: list, places: PlaceIndex, **options: bool) -> float:
    started = time.perf_counter()
    for ad in ads:
        extract_ad(ad, places, **options)
    return len(ads) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
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
    ads = [ad for ad, _ in rows] * args.repeat
    extract_ad(ads[0], places)  # warm caches
    print(f"{len(ads)} ads ({len(rows)} labelled ads x {args.repeat})")  # noqa: T201
    print(f"without language detection: {rate(ads, places, detect=False):8.0f} ads/s")  # noqa: T201
    high = rate(ads, places, detect=True, low_accuracy_language=False)
    print(f"with lingua, high accuracy: {high:8.0f} ads/s")  # noqa: T201
    low = rate(ads, places, detect=True, low_accuracy_language=True)
    print(f"with lingua, low accuracy (default): {low:8.0f} ads/s")  # noqa: T201
    for mode in (False, True):
        right = sum(detect_language(ad.text, mode) == expect.get("language") for ad, expect in rows)
        print(f"language accuracy (low_accuracy={mode}): {right / len(rows):.2%}")  # noqa: T201


if __name__ == "__main__":
    main()
