"""A damaged WARC file (cut short, altered, missing) is refused in one line, never read in part."""

from __future__ import annotations

import gzip
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from crawlsite import AdSite, make_config, response_records, serve

from zicht.crawl import crawl_run, iter_archived_ads, load_manifest
from zicht.errors import ZichtError
from zicht.sites import load_adapters

ADAPTERS = load_adapters()


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive holding one finished run w001 of site a with six ads (do not change it: copy it)."""
    archive = tmp_path_factory.mktemp("archive")
    site = AdSite(n_ads=6)
    with serve(site.respond) as base:
        summary = crawl_run(ADAPTERS, {"a": base}, "w001", archive, make_config())
    assert summary.complete
    return archive


@pytest.fixture
def run_copy(finished_run: Path, tmp_path: Path) -> Iterator[Path]:
    archive = tmp_path / "archive"
    shutil.copytree(finished_run, archive)
    yield archive


def ad_rows(archive: Path) -> list[dict]:
    rows = [row for row in load_manifest(archive, "w001")["fetched"] if row["kind"] == "ad"]
    return sorted(rows, key=lambda row: row["offset"])


def refusal(archive: Path) -> str:
    """The one-line error iter_archived_ads gives for the run (failing the test if it reads it)."""
    with pytest.raises(ZichtError) as error:
        list(iter_archived_ads(archive, "w001"))
    message = error.value.one_line()
    assert "\n" not in message and len(message) < 400, message
    return message


def test_fetched_rows_carry_the_record_length_and_digest(run_copy: Path) -> None:
    warc = run_copy / "w001" / "a.warc.gz"
    records = response_records(warc)
    starts = [*sorted(records), warc.stat().st_size]
    rows = load_manifest(run_copy, "w001")["fetched"]
    assert len(rows) == 8  # robots.txt, one overview page, six ads
    for row in rows:  # the response record, then its request record
        at = starts.index(row["offset"])
        assert records[starts[at + 1]] == ("request", row["url"])
        assert row["length"] == starts[at + 2] - row["offset"]
        assert row["digest"].startswith("sha1:")


def test_a_cut_short_warc_file_is_refused(run_copy: Path) -> None:
    warc = run_copy / "w001" / "a.warc.gz"
    expected = max(row["offset"] + row["length"] for row in load_manifest(run_copy, "w001")["fetched"])
    cut = ad_rows(run_copy)[3]["offset"] + 100  # inside the fourth ad's record
    with open(warc, "r+b") as handle:
        handle.truncate(cut)
    assert refusal(run_copy).startswith(
        f"run w001: a.warc.gz is cut short at byte {cut} (expected {expected}): the archive is damaged"
    )


def test_flipped_bytes_in_a_warc_file_are_refused(run_copy: Path) -> None:
    warc = run_copy / "w001" / "a.warc.gz"
    row = ad_rows(run_copy)[2]
    data = bytearray(warc.read_bytes())
    middle = row["offset"] + row["length"] // 3
    data[middle : middle + 8] = bytes(b ^ 0x5A for b in data[middle : middle + 8])
    warc.write_bytes(bytes(data))
    message = refusal(run_copy)
    assert re.match(rf"run w001: a\.warc\.gz is damaged at byte {row['offset']} \(", message), message


def test_a_changed_page_under_a_sound_gzip_member_is_refused(run_copy: Path) -> None:
    """The bytes decompress fine but are not the page archived: only the payload digest shows it."""
    warc = run_copy / "w001" / "a.warc.gz"
    row = ad_rows(run_copy)[1]
    data = warc.read_bytes()
    member = gzip.decompress(data[row["offset"] : row["offset"] + row["length"]])  # response + request
    assert b"Jasmine" in member
    forged = gzip.compress(member.replace(b"Jasmine", b"Jasmyne"), compresslevel=0)  # longer: not cut short
    warc.write_bytes(data[: row["offset"]] + forged + data[row["offset"] + row["length"] :])
    message = refusal(run_copy)
    assert re.match(rf"run w001: a\.warc\.gz is damaged at byte {row['offset']} \(.*digest", message), message


def test_a_manifest_row_that_points_at_the_wrong_record_is_refused(run_copy: Path) -> None:
    manifest_path = run_copy / "w001" / "manifest.json"
    first, second = ad_rows(run_copy)[:2]
    text = manifest_path.read_text(encoding="utf-8")
    manifest_path.write_text(
        text.replace(f'"offset": {first["offset"]},', f'"offset": {second["offset"]},'), encoding="utf-8"
    )
    message = refusal(run_copy)
    assert message.startswith(
        f"run w001: a.warc.gz is damaged at byte {second['offset']} ({first['url']}: found a response "
        f"record of {second['url']}, not the response)"
    ), message


def test_a_missing_warc_file_is_refused(run_copy: Path) -> None:
    (run_copy / "w001" / "a.warc.gz").unlink()
    assert refusal(run_copy).startswith("run w001: a.warc.gz is missing: the archive is damaged")


def test_resuming_a_run_whose_warc_file_was_cut_short_is_refused(run_copy: Path) -> None:
    warc = run_copy / "w001" / "a.warc.gz"
    with open(warc, "r+b") as handle:
        handle.truncate(ad_rows(run_copy)[3]["offset"] + 100)
    with pytest.raises(ZichtError, match=r"^run w001: a\.warc\.gz is cut short at byte \d+ \(expected \d+\)"):
        crawl_run(ADAPTERS, {"a": "http://127.0.0.1:9"}, "w001", run_copy, make_config())
