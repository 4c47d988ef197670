from __future__ import annotations

from zicht.models import AdInput, AdRecord
from zicht.pipeline import remembering


def test_remembering_extracts_each_distinct_ad_content_once() -> None:
    calls: list[str] = []

    def extract(ad: AdInput) -> AdRecord:
        calls.append(ad.id)
        return AdRecord(id=ad.id, age=len(ad.text))

    once = remembering(extract)
    same = AdInput("a:K1", "Hoi, ik ben Lisa (23)", {"city": "Utrecht"})
    changed_text = AdInput("a:K1", "Hoi, ik ben Lisa (24)", {"city": "Utrecht"})
    changed_field = AdInput("a:K1", "Hoi, ik ben Lisa (23)", {"city": "Almere"})
    other_ad = AdInput("b:77", "Hoi, ik ben Lisa (23)", {"city": "Utrecht"})
    records = [once(ad) for ad in (same, same, changed_text, changed_field, other_ad, same)]
    assert calls == ["a:K1", "a:K1", "a:K1", "b:77"]
    assert records == [extract(ad) for ad in (same, same, changed_text, changed_field, other_ad, same)]
