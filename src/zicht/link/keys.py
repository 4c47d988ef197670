"""Stable advertiser keys: carry `ad_links.advertiser_key` (method 'zicht') over from one relink to the next.

Linking reclusters all ads from scratch every week; a cluster label means nothing outside its run. This step
works on ANY clustering output (a mapping ad -> cluster label) and the keys of the previous relink, so the
contract holds whatever model made the clusters: an ad keeps its key when a new moment is added unless its
advertiser merges with another (the older key wins) or splits (the larger part keeps it).

Rules (`assign_stable_keys`), on the overlap counts n(key, cluster) = ads that had `key` before and are in
`cluster` now (ads seen for the first time, and ads no longer in the store, count for nothing):

1. Heir (split). Each old key nominates one heir: the new cluster holding most of its ads; a tie goes to the
   cluster whose first ad (smallest (site, site_ad_id)) is smallest. Only the heir may keep the key.
2. Oldest wins (merge). A cluster nominated by several keys keeps the oldest: smallest `created_relink`,
   then the key that sorts first (counter keys of one relink sort in creation order). The other nominees
   are retired for good.
3. New key. A cluster nominated by no key (only new ads, or only the smaller parts of split keys) gets a key
   never used before: 'z' + a zero-padded counter kept in `advertiser_keys`; within one relink, clusters are
   numbered in the order of their first ad. Keys are opaque: nothing in them derives from a phone or name.

Merge and split at once: cluster X holds 6 of key A's 10 ads and 5 of key B's; the other 4 of A are cluster Y.
A nominates X (6 > 4), B nominates X; X keeps the older of A and B. Y is nobody's heir and gets a new key,
also when A lost X to an older B: a key never moves to a remnant of its advertiser.

Reason of a change (an ad that had a key before and now has another): 'merge' when its new key existed
before (it now sits with another existing advertiser), 'split' when its new key was made at this relink.

Store tables (created here, not in schema.sql): `advertiser_keys` (registry of every key ever handed out),
`key_changes` (one row per ad whose key changed, per relink) and `relinks` (one summary row per relink).
Keys in `ad_links` that the registry does not know (stores linked before this step) are adopted as
created at relink 0, i.e. older than any key made here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from itertools import count

import duckdb
import pyarrow as pa

AdId = tuple[str, str]  # (site, site_ad_id)

KEY_PREFIX = "z"
KEY_DIGITS = 8

KEY_TABLES_DDL = """
CREATE TABLE IF NOT EXISTS advertiser_keys (
    advertiser_key VARCHAR PRIMARY KEY,  -- every 'zicht' key ever handed out, retired ones included
    created_relink INTEGER NOT NULL,     -- 0 = adopted from a store linked before stable keys
    created_at TIMESTAMP NOT NULL        -- UTC
);
CREATE TABLE IF NOT EXISTS key_changes (
    relink INTEGER NOT NULL,
    site VARCHAR NOT NULL,
    site_ad_id VARCHAR NOT NULL,
    old_key VARCHAR NOT NULL,
    new_key VARCHAR NOT NULL,
    reason VARCHAR NOT NULL CHECK (reason IN ('merge', 'split')),
    PRIMARY KEY (relink, site, site_ad_id)
);
CREATE TABLE IF NOT EXISTS relinks (
    relink INTEGER PRIMARY KEY,          -- 1, 2, ...
    linked_at TIMESTAMP NOT NULL,        -- UTC
    moments INTEGER NOT NULL,            -- moments in the store at this relink
    ads INTEGER NOT NULL,                -- ads linked
    kept INTEGER NOT NULL,               -- ads linked before that kept their key
    merged INTEGER NOT NULL,             -- ads whose key changed by a merge
    split INTEGER NOT NULL,              -- ads whose key changed by a split
    new INTEGER NOT NULL                 -- ads seen for the first time
);
"""


@dataclass(frozen=True)
class KeyChange:
    ad: AdId
    old_key: str
    new_key: str
    reason: str  # 'merge' or 'split' (see the module docstring)


@dataclass(frozen=True)
class RelinkSummary:
    relink: int
    ads: int
    kept: int
    merged: int
    split: int
    new: int


def counter_keys(start: int = 1) -> Iterator[str]:
    """'z00000001', 'z00000002', ...: opaque keys, sorting in creation order."""
    return (f"{KEY_PREFIX}{n:0{KEY_DIGITS}d}" for n in count(start))


def key_age(key: str, created_relink: Mapping[str, int]) -> tuple[int, int, str]:
    """Sort key for 'older': created earlier, then counter order (length first, so z100000000 > z99999999)."""
    return (created_relink.get(key, 0), len(key), key)


def assign_stable_keys(
    previous: Mapping[AdId, str],
    new_clusters: Mapping[AdId, Hashable],
    created_relink: Mapping[str, int] | None = None,
    new_keys: Iterator[str] | None = None,
) -> tuple[dict[AdId, str], list[KeyChange]]:
    """Key per ad of `new_clusters`, and the changes for ads that had another key in `previous`.

    `created_relink`: relink at which each old key was made (missing = 0, the oldest); `new_keys`: fresh keys
    that must never have been used (default: counter keys past every key in `previous`).
    """
    created_relink = created_relink or {}
    if new_keys is None:
        used = set(previous.values()) | set(created_relink)
        new_keys = (key for key in counter_keys() if key not in used)
    members: dict[Hashable, list[AdId]] = defaultdict(list)
    for ad, label in new_clusters.items():
        members[label].append(ad)
    first_ad = {label: min(ads) for label, ads in members.items()}
    heirs = _heirs(previous, new_clusters, first_ad)
    nominees: dict[Hashable, list[str]] = defaultdict(list)
    for key, label in heirs.items():
        nominees[label].append(key)
    key_of_cluster = {
        label: min(keys, key=lambda k: key_age(k, created_relink)) for label, keys in nominees.items()
    }
    fresh: set[str] = set()
    for label in sorted(members.keys() - key_of_cluster.keys(), key=first_ad.__getitem__):
        key_of_cluster[label] = next(new_keys)
        fresh.add(key_of_cluster[label])
    keys = {ad: key_of_cluster[label] for ad, label in new_clusters.items()}
    changes = [
        KeyChange(ad, previous[ad], key, "split" if key in fresh else "merge")
        for ad, key in sorted(keys.items())
        if ad in previous and previous[ad] != key
    ]
    return keys, changes


def _heirs(
    previous: Mapping[AdId, str], new_clusters: Mapping[AdId, Hashable], first_ad: Mapping[Hashable, AdId]
) -> dict[str, Hashable]:
    """Per old key, the new cluster holding most of its ads (ties: the cluster with the smallest first ad)."""
    overlap: dict[str, Counter[Hashable]] = defaultdict(Counter)
    for ad, label in new_clusters.items():
        if ad in previous:
            overlap[previous[ad]][label] += 1
    return {
        key: min(counts, key=lambda label: (-counts[label], first_ad[label]))
        for key, counts in overlap.items()
    }


def write_stable_links(
    con: duckdb.DuckDBPyConnection, new_clusters: Mapping[AdId, Hashable]
) -> RelinkSummary:
    """Replace the 'zicht' ad_links by stable keys for `new_clusters`, record the relink; one transaction."""
    con.execute(KEY_TABLES_DDL)
    con.execute("BEGIN TRANSACTION")
    try:
        summary = _relink(con, new_clusters)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return summary


def _relink(con: duckdb.DuckDBPyConnection, new_clusters: Mapping[AdId, Hashable]) -> RelinkSummary:
    relink = _scalar(con, "SELECT coalesce(max(relink), 0) + 1 FROM relinks")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = con.execute("SELECT site, site_ad_id, advertiser_key FROM ad_links WHERE method = 'zicht'")
    previous = {(site, ad_id): key for site, ad_id, key in rows.fetchall()}
    _register(con, sorted(set(previous.values())), 0, now)  # a no-op once every key is registered
    created_relink = dict(
        con.execute("SELECT advertiser_key, created_relink FROM advertiser_keys").fetchall()
    )
    fresh_keys = counter_keys(_next_counter(con))
    keys, changes = assign_stable_keys(previous, new_clusters, created_relink, fresh_keys)
    _register(con, sorted(set(keys.values())), relink, now)
    con.execute("DELETE FROM ad_links WHERE method = 'zicht'")
    _insert(
        con,
        "ad_links",
        [
            {"method": "zicht", "site": ad[0], "site_ad_id": ad[1], "advertiser_key": key}
            for ad, key in sorted(keys.items())
        ],
    )
    _insert(
        con,
        "key_changes",
        [
            {
                "relink": relink,
                "site": c.ad[0],
                "site_ad_id": c.ad[1],
                "old_key": c.old_key,
                "new_key": c.new_key,
                "reason": c.reason,
            }
            for c in changes
        ],
    )
    summary = _summary(relink, keys, changes, previous)
    moments = _scalar(con, "SELECT count(*) FROM moments")
    con.execute(
        "INSERT INTO relinks VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [relink, now, moments, summary.ads, summary.kept, summary.merged, summary.split, summary.new],
    )
    return summary


def _summary(
    relink: int, keys: Mapping[AdId, str], changes: list[KeyChange], previous: Mapping[AdId, str]
) -> RelinkSummary:
    reasons = Counter(change.reason for change in changes)
    seen_before = sum(ad in previous for ad in keys)
    kept = seen_before - len(changes)
    return RelinkSummary(relink, len(keys), kept, reasons["merge"], reasons["split"], len(keys) - seen_before)


def _register(con: duckdb.DuckDBPyConnection, keys: list[str], relink: int, now: dt.datetime) -> None:
    """Add the keys the registry does not know yet, as created at `relink`. Relink 0 = keys of a store
    linked before stable keys existed (adopted as older than any key made here)."""
    known = {row[0] for row in con.execute("SELECT advertiser_key FROM advertiser_keys").fetchall()}
    new = [key for key in keys if key not in known]
    _insert(
        con,
        "advertiser_keys",
        [{"advertiser_key": key, "created_relink": relink, "created_at": now} for key in new],
    )


def _next_counter(con: duckdb.DuckDBPyConnection) -> int:
    """One past the highest counter key ever registered: retired keys stay registered, so none is reused."""
    highest = con.execute(
        "SELECT max(TRY_CAST(substr(advertiser_key, 2) AS BIGINT)) FROM advertiser_keys "
        "WHERE regexp_full_match(advertiser_key, ?)",
        [KEY_PREFIX + "[0-9]+"],
    ).fetchall()[0][0]
    return int(highest or 0) + 1


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    con.register("stable_keys_incoming", pa.Table.from_pylist(rows))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM stable_keys_incoming")
    finally:
        con.unregister("stable_keys_incoming")
