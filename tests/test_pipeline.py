from __future__ import annotations

from zicht.models import AdInput, AdRecord
from zicht.pipeline import Remembering


def test_remembering_extracts_each_distinct_ad_content_once() -> None:
    calls: list[str] = []

    def extract(ad: AdInput) -> AdRecord:
        return AdRecord(id=ad.id, age=len(ad.text))

    def extract_many(ads: list[AdInput]) -> list[AdRecord]:
        calls.extend(ad.id for ad in ads)
        return [extract(ad) for ad in ads]

    once = Remembering(extract_many)
    same = AdInput("a:K1", "Hoi, ik ben Lisa (23)", {"city": "Utrecht"})
    changed_text = AdInput("a:K1", "Hoi, ik ben Lisa (24)", {"city": "Utrecht"})
    changed_field = AdInput("a:K1", "Hoi, ik ben Lisa (23)", {"city": "Almere"})
    other_ad = AdInput("b:77", "Hoi, ik ben Lisa (23)", {"city": "Utrecht"})
    records = [once(ad) for ad in (same, same, changed_text, changed_field, other_ad, same)]
    assert calls == ["a:K1", "a:K1", "a:K1", "b:77"]
    assert records == [extract(ad) for ad in (same, same, changed_text, changed_field, other_ad, same)]


def test_priming_extracts_a_batch_of_new_contents_once() -> None:
    batches: list[list[str]] = []

    def extract_many(ads: list[AdInput]) -> list[AdRecord]:
        batches.append([ad.text for ad in ads])
        return [AdRecord(id=ad.id, age=len(ad.text)) for ad in ads]

    once = Remembering(extract_many)
    week = [AdInput("a:1", "Lisa (23)", {}), AdInput("a:2", "Mila (31)", {}), AdInput("a:1", "Lisa (23)", {})]
    once.prime(week)
    once.prime(week + [AdInput("a:3", "Eva (40)", {})])
    assert [once(ad).age for ad in week] == [9, 9, 9]
    assert batches == [["Lisa (23)", "Mila (31)"], ["Eva (40)"]]
