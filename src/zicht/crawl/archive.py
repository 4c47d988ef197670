"""The raw web archive of a crawl run: one gzipped WARC file per site, a journal, and a manifest.

Layout: ARCHIVE/<run_id>/<site>.warc.gz (response + request records, payload and block digests),
ARCHIVE/<run_id>/journal.jsonl (append-only: one line per archived response or failed URL, written after
the WARC record is flushed) and ARCHIVE/<run_id>/manifest.json (written atomically when a session ends).
ARCHIVE/<run_id>/writer.lock is flock'ed by the one process writing the run (its pid inside).

Resume: reopening a run drops a partly written journal line and cuts each WARC file back to the end of
its last journaled record, so a crawl killed at any instant continues without duplicates or gaps.
No scrapy import here: the store reads runs with `iter_archived_ads` alone.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from zicht.errors import CrawlError, InputError
from zicht.models import AdInput, RawPage
from zicht.sites.schema import Adapter

JOURNAL = "journal.jsonl"
MANIFEST = "manifest.json"
WRITER_LOCK = "writer.lock"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def warc_name(site: str) -> str:
    return f"{site}.warc.gz"


class WriterLock:
    """An exclusive lock on a run folder, so one process at a time writes (or recovers) the run.

    flock is released by the kernel when the holder dies, so a run whose writer was killed can be resumed.
    """

    def __init__(self, run_dir: Path, run_id: str) -> None:
        self._handle = open(run_dir / WRITER_LOCK, "a+", encoding="utf-8")  # noqa: SIM115
        try:
            fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._handle.seek(0)
            holder = self._handle.read().strip() or "unknown"
            self._handle.close()
            raise CrawlError(
                f"run {run_id} is being written by another process (pid {holder})",
                "wait for that crawl to finish, or stop it and resume",
            ) from None
        self._handle.truncate(0)
        self._handle.write(f"{os.getpid()}\n")
        self._handle.flush()

    def release(self) -> None:
        self._handle.close()  # closing the file drops the flock


class RunArchive:
    """Writes the WARC files and journal of one run; opening an existing run resumes it."""

    def __init__(self, archive: Path, run_id: str, software: str = "zicht") -> None:
        if not run_id or "/" in run_id or run_id.startswith("."):
            raise CrawlError(f"bad run id {run_id!r}: use letters, digits, '-', '_' or '.'")
        self.root = Path(archive)
        self.run_id = run_id
        self.dir = self.root / run_id
        self.dir.mkdir(parents=True, exist_ok=True)
        self.software = software
        self._lock = WriterLock(self.dir, run_id)  # before recovery, which truncates files
        try:
            self.entries: list[dict[str, Any]] = self._recover()
        except BaseException:
            self._lock.release()
            raise
        self.resumed = bool(self.entries)
        self._journal = open(self.dir / JOURNAL, "a", encoding="utf-8")  # noqa: SIM115
        self._files: dict[str, Any] = {}
        self._writers: dict[str, Any] = {}
        self._cache: dict[str, dict[str, Any]] = {
            e["url"]: e for e in self.entries if e.get("t") == "rec" and e.get("ok")
        }

    # -- recovery
    def _recover(self) -> list[dict[str, Any]]:
        path = self.dir / JOURNAL
        entries: list[dict[str, Any]] = []
        good = 0
        if path.exists():
            with open(path, "rb") as handle:
                for line in handle:
                    if not line.endswith(b"\n"):
                        break  # a line cut by a kill: drop it
                    try:
                        entries.append(json.loads(line))
                    except json.JSONDecodeError:
                        break
                    good += len(line)
            if good != path.stat().st_size:
                os.truncate(path, good)
        ends: dict[str, int] = {}
        for entry in entries:
            if entry.get("t") == "rec":
                ends[entry["warc"]] = max(ends.get(entry["warc"], 0), entry["end"])
        for name, end in ends.items():
            check_whole(self.dir / name, end, self.run_id)
        for warc in self.dir.glob("*.warc.gz"):
            keep = ends.get(warc.name, 0)
            if warc.stat().st_size != keep:
                os.truncate(warc, keep)  # records written after the last journal line are redone
        return entries

    # -- writing
    def _writer(self, site: str) -> Any:
        if site not in self._writers:
            from warcio.warcwriter import WARCWriter

            handle = open(self.dir / warc_name(site), "ab")  # noqa: SIM115
            self._files[site] = handle
            writer = WARCWriter(handle, gzip=True, warc_version="1.1")
            if handle.tell() == 0:
                info = writer.create_warcinfo_record(
                    warc_name(site),
                    {"software": self.software, "format": "WARC File Format 1.1", "isPartOf": self.run_id},
                )
                writer.write_record(info)
                handle.flush()
            self._writers[site] = writer
        return self._writers[site]

    def cached(self, url: str) -> dict[str, Any] | None:
        """The journal entry of a good response to `url` archived earlier in this run, if any."""
        return self._cache.get(url)

    def write(
        self,
        site: str,
        kind: str,
        url: str,
        site_ad_id: str | None,
        request_line: str,
        request_headers: list[tuple[str, str]],
        status: int,
        reason: str,
        response_headers: list[tuple[str, str]],
        body: bytes,
        ok: bool,
    ) -> dict[str, Any]:
        """Archive one exchange (response and request records), then journal it."""
        from warcio.statusandheaders import StatusAndHeaders

        writer = self._writer(site)
        handle = self._files[site]
        date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        http = StatusAndHeaders(f"{status} {reason}".strip(), response_headers, protocol="HTTP/1.1")
        response = writer.create_warc_record(
            url,
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        request = writer.create_warc_record(
            url,
            "request",
            http_headers=StatusAndHeaders(request_line, request_headers, is_http_request=True),
            warc_headers_dict={
                "WARC-Date": date,
                "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
            },
        )
        offset = handle.tell()
        writer.write_record(response)
        writer.write_record(request)
        handle.flush()
        entry = {
            "t": "rec",
            "site": site,
            "kind": kind,
            "url": url,
            "status": status,
            "ok": ok,
            "site_ad_id": site_ad_id,
            "warc": warc_name(site),
            "offset": offset,
            "end": handle.tell(),
            "digest": response.rec_headers.get_header("WARC-Payload-Digest"),
        }
        self._append(entry)
        if ok:
            self._cache[url] = entry
        return entry

    def fail(self, site: str, kind: str, url: str, site_ad_id: str | None, reason: str) -> None:
        self._append(
            {"t": "fail", "site": site, "kind": kind, "url": url, "site_ad_id": site_ad_id, "reason": reason}
        )

    def note(self, **values: Any) -> None:
        """A journal line that is not a record (session start, for instance)."""
        self._append({"t": "note", **values})

    def _append(self, entry: dict[str, Any]) -> None:
        self.entries.append(entry)
        self._journal.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._journal.flush()

    def read_body(self, entry: dict[str, Any]) -> bytes:
        """The payload of an archived response (for serving it again on resume)."""
        site = entry["site"]
        if site in self._files:
            self._files[site].flush()
        return read_payload(self.dir / entry["warc"], entry["offset"])

    def close(self) -> None:
        """Close the files, then give up the writer lock (safe to call twice)."""
        for handle in self._files.values():
            handle.close()
        self._files.clear()
        self._writers.clear()
        self._journal.close()
        self._lock.release()

    # -- manifest
    def outcome(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, int]]:
        """(fetched, failed, retries per site): the last good record per URL, URLs that never succeeded.

        A retry is a bad response (5xx, truncated) of a URL that was fetched again; a redirect is none.
        """
        fetched: dict[str, dict[str, Any]] = {}
        failed: dict[str, dict[str, Any]] = {}
        retries: dict[str, int] = {}
        bad: set[str] = set()  # URLs whose last response was bad
        for entry in self.entries:
            url = str(entry.get("url"))
            if entry["t"] == "rec" and url in bad:
                retries[entry["site"]] = retries.get(entry["site"], 0) + 1
            if entry["t"] == "rec" and entry["ok"]:
                fetched[url] = entry
                failed.pop(url, None)
                bad.discard(url)
            elif entry["t"] == "rec":
                bad.add(url)
            elif entry["t"] == "fail" and url not in fetched:
                failed[url] = entry
        rows = [
            {
                "site": e["site"],
                "url": e["url"],
                "kind": e["kind"],
                "status": e["status"],
                "site_ad_id": e["site_ad_id"],
                "warc_file": f"{self.run_id}/{e['warc']}",
                "offset": e["offset"],
                "length": e["end"] - e["offset"],  # the response record and its request record
                "digest": e["digest"],
            }
            for e in fetched.values()
        ]
        fails = [{k: e[k] for k in ("site", "url", "kind", "site_ad_id", "reason")} for e in failed.values()]
        return rows, fails, retries

    def write_manifest(self, manifest: dict[str, Any]) -> Path:
        path = self.dir / MANIFEST
        temp = path.with_suffix(".json.tmp")
        temp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temp, path)
        return path


class ArchiveDamaged(CrawlError):
    """A WARC file of a run is missing, cut short or altered since it was written."""


def damaged(warc_path: Path, run_id: str, problem: str) -> ArchiveDamaged:
    return ArchiveDamaged(
        f"run {run_id}: {warc_path.name} {problem}: the archive is damaged",
        f"re-crawl the run after moving {warc_path.parent} aside",
    )


def check_whole(warc_path: Path, needed: int, run_id: str) -> None:
    """Raise ArchiveDamaged unless the file exists and holds at least `needed` bytes."""
    try:
        size = warc_path.stat().st_size
    except FileNotFoundError:
        raise damaged(warc_path, run_id, "is missing") from None
    if size < needed:
        raise damaged(warc_path, run_id, f"is cut short at byte {size} (expected {needed})")


def read_checked_response(handle: IO[bytes], row: dict[str, Any], warc_path: Path, run_id: str) -> bytes:
    """The payload of the response record a manifest row points at, after checking that the record is the
    row's URL, that the record pair has the row's length and that the payload has its digest."""
    from warcio.archiveiterator import ArchiveIterator

    offset, url = row["offset"], row["url"]

    def bad_record(problem: str) -> ArchiveDamaged:
        return damaged(warc_path, run_id, f"is damaged at byte {offset} ({url}: {problem})")

    handle.seek(offset)
    records = ArchiveIterator(handle, check_digests="raise")
    try:
        response = next(records)
        found = (response.rec_type, response.rec_headers.get_header("WARC-Target-URI"))
        if found != ("response", url):
            raise bad_record(f"found a {found[0]} record of {found[1]}, not the response")
        digest = response.rec_headers.get_header("WARC-Payload-Digest")
        if row["digest"] and digest != row["digest"]:
            raise bad_record(f"payload digest {digest}, the manifest says {row['digest']}")
        body = bytes(response.content_stream().read())
        records.read_to_end()  # what content_stream() left; warcio checks the digests at the record's end
        next(records)  # its request record
        end = records.get_record_offset() + records.get_record_length()
    except ArchiveDamaged:
        raise
    except Exception as error:  # noqa: BLE001 - whatever fails to parse at a manifest offset is damage
        raise bad_record(_describe(error)) from None
    if "length" in row and end - offset != row["length"]:  # older manifests have no length
        raise bad_record(f"the record pair has {end - offset} bytes, the manifest says {row['length']}")
    return body


def _describe(error: Exception) -> str:
    """A parse error in a few printable words (warcio quotes the bytes it could not read)."""
    text = f"{type(error).__name__}: {error}".split(", first line")[0]
    return "".join(c if c.isprintable() else "?" for c in " ".join(text.split()))[:120]


def read_payload(warc_path: Path, offset: int) -> bytes:
    """The HTTP payload of the WARC record at `offset`."""
    from warcio.archiveiterator import ArchiveIterator

    with open(warc_path, "rb") as handle:
        handle.seek(offset)
        record = next(iter(ArchiveIterator(handle)))
        return bytes(record.content_stream().read())


def load_manifest(archive: Path, run_id: str) -> dict[str, Any]:
    path = Path(archive) / run_id / MANIFEST
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            f"no manifest for run {run_id!r} in {archive}",
            "the run never finished: resume it with `zicht crawl`",
        ) from None
    except json.JSONDecodeError as error:
        raise InputError(f"manifest {path} is not valid JSON: {error}") from None
    return manifest


def iter_archived_ads(
    archive: Path, run_id: str, adapters: list[Adapter] | None = None
) -> Iterator[tuple[str, RawPage, AdInput]]:
    """Every archived ad page of a run as (site, pointer into the WARC, what the adapter read).

    Reads the WARC files alone (one pass per site, in file order). The adapters recorded in the manifest are
    used unless `adapters` are given (to re-read an old run with fixed selectors). A run that failed its
    completeness check raises CrawlError instead of yielding a partial week. A missing or cut-short WARC
    file raises ArchiveDamaged before any ad is yielded; a record that does not match its manifest row
    (URL, length, payload digest) raises it when reached.
    """
    from zicht.sites.read import read_ad

    manifest = load_manifest(archive, run_id)
    if manifest.get("error"):
        raise CrawlError(f"run {run_id} failed and is not ingested: {manifest['error']}")
    chosen = {a.name: a for a in adapters or []}
    by_file: dict[str, list[dict[str, Any]]] = {}
    for row in manifest["fetched"]:
        by_file.setdefault(row["warc_file"], []).append(row)
    for warc_file, rows in by_file.items():
        check_whole(Path(archive) / warc_file, max(r["offset"] + r.get("length", 0) for r in rows), run_id)
    for warc_file in sorted(by_file):
        ad_rows = sorted((r for r in by_file[warc_file] if r["kind"] == "ad"), key=lambda r: r["offset"])
        if not ad_rows:
            continue
        site = ad_rows[0]["site"]
        adapter = chosen.get(site) or Adapter.model_validate(manifest["sites"][site]["adapter"])
        warc_path = Path(archive) / warc_file
        with open(warc_path, "rb") as handle:
            for row in ad_rows:
                body = read_checked_response(handle, row, warc_path, run_id)
                page = RawPage(
                    run_id=run_id,
                    site=site,
                    url=row["url"],
                    status=row["status"],
                    kind="ad",
                    warc_file=warc_file,
                    warc_offset=row["offset"],
                    digest=row["digest"] or "",
                )
                yield site, page, read_ad(adapter, body, row["url"])
