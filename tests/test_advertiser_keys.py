"""Stable advertiser keys (zicht.link.keys): the assignment rules on hand-made clusterings, the store tables,
and relinks of a small simulated market week after week."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from zicht.config import load_config
from zicht.evaluate.dedupe import observations_from_truth
from zicht.link import LinkConfig, link_zicht
from zicht.link.keys import AdId, KeyChange, assign_stable_keys, write_stable_links
from zicht.simulate import simulate
from zicht.store.db import connect

SECRET = b"test-secret-0123456789abcdef0123"


def ad(code: int) -> AdId:
    return ("a", f"{code:03d}")


def ads_of(groups: dict[str, list[int]]) -> dict[AdId, str]:
    """{'A': [1, 2]} -> {ad 1: 'A', ad 2: 'A'}: old keys, or new cluster labels."""
    return {ad(code): label for label, codes in groups.items() for code in codes}


# (case, previous keys, new clusters, created_relink of the old keys, expected key per cluster, changes)
CASES = [
    ("unchanged clusters keep their keys",
     {"A": [1, 2], "B": [3]}, {"x": [1, 2], "y": [3]}, {}, {"x": "A", "y": "B"}, []),
    ("a new ad joining a cluster takes its key",
     {"A": [1, 2]}, {"x": [1, 2, 3]}, {}, {"x": "A"}, []),
    ("brand-new ads alone get a new key, not a change",
     {"A": [1]}, {"x": [1], "y": [2, 3]}, {}, {"x": "A", "y": "n1"}, []),
    ("ads gone from the store do not count",
     {"A": [1, 2, 3]}, {"x": [3, 4]}, {}, {"x": "A"}, []),
    ("merge: the older key wins, even when it has fewer ads",
     {"A": [1], "B": [2, 3]}, {"x": [1, 2, 3]}, {"A": 1, "B": 2}, {"x": "A"},
     [(2, "B", "A", "merge"), (3, "B", "A", "merge")]),
    ("merge of keys made at one relink: the counter order decides",
     {"z00000010": [1], "z00000002": [2]}, {"x": [1, 2]}, {"z00000010": 1, "z00000002": 1},
     {"x": "z00000002"}, [(1, "z00000010", "z00000002", "merge")]),
    ("split: the larger part keeps the key",
     {"A": [1, 2, 3]}, {"x": [3], "y": [1, 2]}, {}, {"x": "n1", "y": "A"}, [(3, "A", "n1", "split")]),
    ("split into equal parts: the part with the smallest ad keeps the key",
     {"A": [1, 2]}, {"x": [2], "y": [1]}, {}, {"x": "n1", "y": "A"}, [(2, "A", "n1", "split")]),
    ("merge + split, the splitting key older: it keeps its larger part, merged with B",
     {"A": [1, 2, 3, 4, 5], "B": [6, 7, 8]}, {"x": [1, 2, 3, 6, 7, 8], "y": [4, 5]}, {"A": 1, "B": 2},
     {"x": "A", "y": "n1"},
     [(4, "A", "n1", "split"), (5, "A", "n1", "split"), (6, "B", "A", "merge"), (7, "B", "A", "merge"),
      (8, "B", "A", "merge")]),
    ("merge + split, the splitting key younger: it retires, its remnant gets a new key",
     {"A": [1, 2, 3, 4, 5], "B": [6, 7, 8]}, {"x": [1, 2, 3, 6, 7, 8], "y": [4, 5]}, {"A": 2, "B": 1},
     {"x": "B", "y": "n1"},
     [(1, "A", "B", "merge"), (2, "A", "B", "merge"), (3, "A", "B", "merge"), (4, "A", "n1", "split"),
      (5, "A", "n1", "split")]),
    ("a key's smaller part joining another advertiser takes that advertiser's key (a merge)",
     {"A": [1, 2, 3], "B": [4, 5]}, {"x": [1, 2], "y": [3, 4, 5]}, {"A": 1, "B": 2}, {"x": "A", "y": "B"},
     [(3, "A", "B", "merge")]),
    ("new keys are numbered in the order of their clusters' first ads",
     {}, {"late": [9], "early": [1, 5]}, {}, {"early": "n1", "late": "n2"}, []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("previous", "clusters", "created", "expected", "changes"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_assignment_rules(
    previous: dict[str, list[int]],
    clusters: dict[str, list[int]],
    created: dict[str, int],
    expected: dict[str, str],
    changes: list[tuple[int, str, str, str]],
) -> None:
    new_clusters = ads_of(clusters)
    keys, got_changes = assign_stable_keys(ads_of(previous), new_clusters, created, iter(["n1", "n2", "n3"]))
    assert keys == {a: expected[label] for a, label in new_clusters.items()}
    assert got_changes == [KeyChange(ad(code), old, new, reason) for code, old, new, reason in changes]


def test_assignment_does_not_depend_on_the_cluster_labels_or_the_input_order() -> None:
    previous = ads_of({"A": [1, 2, 3, 4, 5], "B": [6, 7, 8], "C": [9, 10]})
    clusters = ads_of({"x": [1, 2, 3, 6, 7, 8], "y": [4, 5, 11], "z": [9, 10, 12], "w": [13]})
    relabelled = {a: (len(label), label * 7) for a, label in reversed(list(clusters.items()))}
    created = {"A": 1, "B": 1, "C": 2}
    first = assign_stable_keys(previous, clusters, created, iter(["n1", "n2"]))
    second = assign_stable_keys(previous, relabelled, created, iter(["n1", "n2"]))
    assert first == second


def test_default_new_keys_skip_every_known_key() -> None:
    keys, _ = assign_stable_keys({ad(1): "z00000001"}, {ad(1): 0, ad(2): 1}, {"z00000002": 1})
    assert keys[ad(2)] == "z00000003"


# -- the store tables ----------------------------------------------------------------------------------------


def relink(con: duckdb.DuckDBPyConnection, groups: dict[str, list[int]]) -> dict[AdId, str]:
    write_stable_links(con, ads_of(groups))
    return dict(
        ((site, code), key)
        for site, code, key in con.execute(
            "SELECT site, site_ad_id, advertiser_key FROM ad_links WHERE method = 'zicht'"
        ).fetchall()
    )


def test_a_relink_without_changes_writes_no_key_changes() -> None:
    con = connect(Path(":memory:"))
    first = relink(con, {"x": [1, 2], "y": [3]})
    assert relink(con, {"p": [3], "q": [2, 1]}) == first
    assert con.execute("SELECT count(*) FROM key_changes").fetchall() == [(0,)]
    assert con.execute(
        "SELECT relink, ads, kept, merged, split, new FROM relinks ORDER BY relink"
    ).fetchall() == [
        (1, 3, 0, 0, 0, 3),
        (2, 3, 3, 0, 0, 0),
    ]


def test_keys_are_opaque_and_never_reused() -> None:
    con = connect(Path(":memory:"))
    first = relink(con, {"x": [1], "y": [2]})
    merged = relink(con, {"x": [1, 2]})  # the younger key retires
    split = relink(con, {"x": [1], "y": [2], "z": [3]})
    assert first == {ad(1): "z00000001", ad(2): "z00000002"}
    assert set(merged.values()) == {"z00000001"}
    assert split == {ad(1): "z00000001", ad(2): "z00000003", ad(3): "z00000004"}  # not the retired z00000002
    registry = con.execute("SELECT advertiser_key, created_relink FROM advertiser_keys ORDER BY 1").fetchall()
    assert registry == [("z00000001", 1), ("z00000002", 1), ("z00000003", 3), ("z00000004", 3)]
    assert all(re.fullmatch(r"z\d{8}", key) for key, _ in registry)
    assert con.execute("SELECT * EXCLUDE (linked_at) FROM relinks ORDER BY relink").fetchall() == [
        (1, 0, 2, 0, 0, 0, 2),
        (2, 0, 2, 1, 1, 0, 0),
        (3, 0, 3, 1, 0, 1, 1),
    ]
    changes = con.execute(
        "SELECT relink, site_ad_id, old_key, new_key, reason FROM key_changes ORDER BY 1"
    ).fetchall()
    assert changes == [
        (2, "002", "z00000002", "z00000001", "merge"),
        (3, "002", "z00000001", "z00000003", "split"),
    ]


def test_keys_of_a_store_linked_before_stable_keys_are_adopted_as_oldest() -> None:
    con = connect(Path(":memory:"))
    con.execute(
        "INSERT INTO ad_links VALUES ('zicht', 'a', '001', 'z:legacy1'), ('zicht', 'a', '002', 'z:legacy2')"
    )
    keys = relink(con, {"x": [1, 3], "y": [2]})
    assert keys == {ad(1): "z:legacy1", ad(3): "z:legacy1", ad(2): "z:legacy2"}
    assert relink(con, {"x": [1, 2, 3, 4], "y": [5]}) == {
        **{ad(code): "z:legacy1" for code in (1, 2, 3, 4)},
        ad(5): "z00000001",
    }


# -- relinks of a simulated market ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def market(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> tuple[pa.Table, pa.Table]:
    """A small simulated market (the real simulator, 5% of the 2021 market, 6 weeks), perfectly crawled, with
    re-posts and shared phones (benchmarks/configs/combined.toml): seed 1 has a merge from week 5 to 6."""
    out = tmp_path_factory.mktemp("market")
    config = load_config(None, seed=1, weeks=6, scale=0.05, repost_rate=0.05, shared_phone_rate=0.12)
    simulate(config, out, data_dir)
    return observations_from_truth(out, SECRET, texts=True)


def add_weeks(con: duckdb.DuckDBPyConnection, market: tuple[pa.Table, pa.Table], weeks: range) -> None:
    observations, moments = market
    con.register("incoming_observations", observations)
    con.register("incoming_moments", moments)
    con.execute(f"INSERT INTO moments BY NAME SELECT * FROM incoming_moments WHERE week IN {tuple(weeks)}")
    con.execute(
        "INSERT INTO observations BY NAME SELECT o.* FROM incoming_observations AS o "
        f"JOIN incoming_moments USING (moment_id) WHERE week IN {tuple(weeks)}"
    )


def zicht_keys(con: duckdb.DuckDBPyConnection) -> dict[AdId, str]:
    rows = con.execute("SELECT site, site_ad_id, advertiser_key FROM ad_links WHERE method = 'zicht'")
    return {(site, code): key for site, code, key in rows.fetchall()}


def groups_of(keys: dict[AdId, str], among: set[AdId]) -> dict[str, set[AdId]]:
    groups: dict[str, set[AdId]] = defaultdict(set)
    for a, key in keys.items():
        if a in among:
            groups[key].add(a)
    return groups


def explained(change: tuple[AdId, str, str, str], before: dict[AdId, str], after: dict[AdId, str]) -> bool:
    """A merge: the ad's new advertiser holds ads of several old keys; a split: its old key's ads are now
    under several keys. Checked on the clusterings alone, not on how keys.py reasons."""
    a, old_key, new_key, reason = change
    old_ads = set(before) & set(after)
    if reason == "merge":
        return len({before[b] for b in groups_of(after, old_ads)[new_key]}) >= 2
    return len({after[b] for b in groups_of(before, old_ads)[old_key]}) >= 2


def test_relinking_week_after_week_keeps_keys(market: tuple[pa.Table, pa.Table]) -> None:
    con = connect(Path(":memory:"))
    config = LinkConfig(replicates=5)
    add_weeks(con, market, range(0, 5))
    link_zicht(con, config)
    before = zicht_keys(con)
    add_weeks(con, market, range(5, 6))
    link_zicht(con, config)
    after = zicht_keys(con)
    changed = {a for a in before.keys() & after.keys() if before[a] != after[a]}
    rows = con.execute("SELECT site, site_ad_id, old_key, new_key, reason FROM key_changes WHERE relink = 2")
    changes = [((site, code), old, new, reason) for site, code, old, new, reason in rows.fetchall()]
    assert {change[0] for change in changes} == changed  # exactly the ads whose key changed are recorded
    assert all(before[a] == old and after[a] == new for a, old, new, _ in changes)
    unexplained = [change for change in changes if not explained(change, before, after)]
    assert len(unexplained) < 0.01 * len(before.keys() & after.keys())
    assert len(after) > len(before) > 300  # the market grew and is not trivially small

    link_zicht(con, config)  # the same store again: no key moves
    assert zicht_keys(con) == after
    assert con.execute("SELECT count(*) FROM key_changes WHERE relink = 3").fetchall() == [(0,)]
    kept, ads = con.execute("SELECT kept, ads FROM relinks WHERE relink = 3").fetchall()[0]
    assert kept == ads == len(after)
