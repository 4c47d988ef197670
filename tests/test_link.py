"""Entity resolution: oracle tests (components, metrics), the 2021 rules on hand-made rows, linking."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from zicht.config import load_config
from zicht.evaluate.dedupe import evaluate_dedupe, observations_from_truth, store_from_truth
from zicht.link import (
    LinkConfig,
    clustering_metrics,
    connected_components,
    link_baseline,
    link_zicht,
    signature_jaccard,
    text_signature,
)
from zicht.link.cluster import constrained_components
from zicht.link.estimate import Arrivals, arrival_table, count_with_extras
from zicht.link.textsig import shingles
from zicht.simulate import simulate
from zicht.store.db import connect

SECRET = b"test-secret-0123456789abcdef0123"


def naive_components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.array([find(i) for i in range(n)])


@pytest.mark.parametrize("seed", range(40))
def test_components_match_union_find(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 80))
    m = int(rng.integers(0, 2 * n))
    left, right = rng.integers(0, n, m), rng.integers(0, n, m)
    assert np.array_equal(connected_components(n, left, right), naive_components(n, left, right))


def test_components_long_chain() -> None:
    n = 5000
    order = np.random.default_rng(0).permutation(n)
    labels = connected_components(n, order[:-1], order[1:])
    assert (labels == 0).all()


def brute_metrics(pred: list[int], true: list[int]) -> dict[str, dict[str, float]]:
    pairs = list(itertools.combinations(range(len(pred)), 2))
    tp = sum(pred[i] == pred[j] and true[i] == true[j] for i, j in pairs)
    pp = sum(pred[i] == pred[j] for i, j in pairs)
    tt = sum(true[i] == true[j] for i, j in pairs)
    p_b3 = np.mean(
        [
            sum(pred[j] == pred[i] and true[j] == true[i] for j in range(len(pred)))
            / sum(pred[j] == pred[i] for j in range(len(pred)))
            for i in range(len(pred))
        ]
    )
    r_b3 = np.mean(
        [
            sum(pred[j] == pred[i] and true[j] == true[i] for j in range(len(pred)))
            / sum(true[j] == true[i] for j in range(len(pred)))
            for i in range(len(pred))
        ]
    )
    p = tp / pp if pp else 1.0
    r = tp / tt if tt else 1.0
    return {"pairwise": {"precision": p, "recall": r}, "bcubed": {"precision": p_b3, "recall": r_b3}}


@pytest.mark.parametrize("seed", range(30))
def test_metrics_match_pair_enumeration(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 40))
    pred = rng.integers(0, int(rng.integers(1, 10)), n).tolist()
    true = [f"w{x}" for x in rng.integers(0, int(rng.integers(1, 10)), n)]
    got, want = clustering_metrics(pred, true), brute_metrics(pred, true)
    for kind in ("pairwise", "bcubed"):
        for measure in ("precision", "recall"):
            assert got[kind][measure] == pytest.approx(want[kind][measure]), (kind, measure)


def greedy_constrained(n: int, left: np.ndarray, right: np.ndarray, p: np.ndarray, threshold: float,
                       cannot_below: float) -> np.ndarray:  # fmt: skip
    """Oracle: merge links strongest first, refuse a merge that puts a cannot-link pair in one cluster."""
    group = {i: {i} for i in range(n)}
    where = list(range(n))
    cannot = [(a, b) for a, b, q in zip(left, right, p, strict=True) if q < cannot_below]
    for i in np.argsort(-p, kind="stable"):
        a, b = where[left[i]], where[right[i]]
        if p[i] < threshold or a == b:
            continue
        merged = group[a] | group[b]
        if any(x in merged and y in merged for x, y in cannot):
            continue
        for x in group[b]:
            where[x] = a
        group[a] = merged
        del group[b]
    return np.array([min(group[where[i]]) for i in range(n)])


@pytest.mark.parametrize("seed", range(30))
def test_constrained_components_match_greedy_oracle(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    left, right = rng.integers(0, n, 80), rng.integers(0, n, 80)
    keep = left != right
    left, right = np.minimum(left, right)[keep], np.maximum(left, right)[keep]
    p = rng.random(len(left))
    got = constrained_components(n, left, right, p, 0.5, 0.1)
    assert np.array_equal(got, greedy_constrained(n, left, right, p, 0.5, 0.1))
    plain = connected_components(n, left[p >= 0.5], right[p >= 0.5])
    assert np.array_equal(constrained_components(n, left, right, p, 0.5, 0.0), plain)


def test_constrained_components_refuse_a_chain_through_a_contradiction() -> None:
    # 0-1 and 1-2 are likely links, but 0 and 2 are two ads online at once with different phones
    got = constrained_components(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([0.99, 0.9, 0.0001]),
                                 0.5, 0.01)  # fmt: skip
    assert got.tolist() == [0, 0, 2]


def test_count_adds_one_worker_per_cluster_with_a_several_workers_ad() -> None:
    labels = np.array([0, 0, 2, 3, 3])
    several = np.array([True, True, False, True, False])
    couple = np.array([False, False, False, True, False])
    assert count_with_extras(labels, several, couple) == (3 + 2, 2, 1)


def test_arrival_table_classifies_by_earlier_phone_and_name_and_gap() -> None:
    # one cluster: first ad; same phone new name (gap 1); new phone old name (gap 6); neither (gap 6);
    # a site-c ad without a phone, old name (gap 1); plus a lone ad in its own cluster (no arrival)
    labels = np.array([0, 0, 0, 0, 0, 5])
    first = np.array([0, 4, 12, 20, 21, 3])
    last = np.array([3, 6, 14, 20, 22, 9])
    phone = np.array([1, 1, 3, 4, -1, 9])
    name = np.array([1, 2, 2, 5, 5, 9])
    table = arrival_table(labels, first, last, phone, name).table
    assert table.sum() == 4
    assert table[1].tolist() == [0, 1, 0, 0, 1, 0]  # gap 1: phone only; no phone, name caught
    assert table[3].tolist() == [0, 0, 1, 1, 0, 0]  # gap 6+: name only; neither (linked by other evidence)


def test_unseen_returns_recover_the_missed_arrivals_under_independence() -> None:
    inside, estimates, truths = 0, [], []
    for seed in range(100):
        rng = np.random.default_rng(seed)
        keep_phone, keep_name = rng.random(1000) < 0.6, rng.random(1000) < 0.5  # independent changes
        missed = int((~keep_phone & ~keep_name).sum())
        row = [
            (keep_phone & keep_name).sum(),
            (keep_phone & ~keep_name).sum(),
            (~keep_phone & keep_name).sum(),
        ]
        arrivals = Arrivals(np.array([[*row, 0, 0, 0]], dtype=float))
        draws = [arrivals.draw(np.random.default_rng(k)) for k in range(200)]
        inside += int(np.quantile(draws, 0.025) <= missed <= np.quantile(draws, 0.975))
        estimates.append(arrivals.unseen())
        truths.append(missed)
    assert inside >= 85  # a 95% posterior predictive range (measured: 89 of 100)
    assert abs(np.mean(estimates) - np.mean(truths)) < 0.05 * np.mean(truths)
    assert Arrivals(np.array([[50.0, 0, 0, 0, 20, 0]])).unseen() < 1  # nobody changes: next to nothing unseen


def test_text_signature_estimates_jaccard() -> None:
    rng = np.random.default_rng(3)
    words = [f"w{i}" for i in rng.integers(0, 400, 120)]
    a, b = " ".join(words), " ".join(words[:80] + [f"x{i}" for i in range(40)])
    sa, sb = shingles(a), shingles(b)
    true = len(sa & sb) / len(sa | sb)
    assert signature_jaccard(text_signature(a), text_signature(b)) == pytest.approx(true, abs=0.2)
    assert signature_jaccard(text_signature(a), text_signature(a.upper() + " !")) == 1.0
    assert text_signature("") is None and text_signature("  ,. ") is None


def _store(rows: list[dict[str, object]]) -> duckdb.DuckDBPyConnection:
    con = connect(Path(":memory:"))
    weeks = sorted({int(str(r["moment_id"])[1:]) for r in rows})
    for w in weeks:
        con.execute(
            "INSERT INTO moments VALUES (?, ?, DATE '2020-08-25' + ?::INTEGER * 7)", [f"w{w:03d}", w, w]
        )
    table = pa.Table.from_pylist(rows)
    con.register("incoming", table)
    con.execute("INSERT INTO observations BY NAME SELECT * FROM incoming")
    con.unregister("incoming")
    return con


def _obs(
    moment: str, site: str, code: str, phone: str | None, muni: str | None, name: str | None, **kw: object
):
    return {"moment_id": moment, "site": site, "site_ad_id": code, "phone_pseudonym": phone,
            "municipality_code": muni, "name_pseudonym": name, **kw}  # fmt: skip


def test_baseline_rule1_keeps_site_a_copy_per_moment() -> None:
    con = _store(
        [
            _obs("w000", "a", "A1", "p1", "GM0363", "n1"),
            _obs("w000", "b", "B1", "p1", "GM0363", "n1"),  # duplicate of A1
            _obs("w000", "b", "B2", "p1", "GM0599", "n1"),  # other municipality: not a duplicate
            _obs("w000", "c", "C1", "p1", "GM0363", "n1"),  # site c is out of rule 1
            _obs("w001", "b", "B1", "p1", "GM0363", "n1"),  # A1 absent this moment
            _obs("w001", "b", "B3", None, "GM0363", "n1"),  # no phone: never a duplicate
        ]
    )
    link_baseline(con)
    rows = con.execute("SELECT * FROM weekly_duplicates ORDER BY ALL").fetchall()
    assert rows == [("w000", "b", "B1", "a", "A1")]


def test_baseline_rule2_keys_on_code_and_name() -> None:
    con = _store(
        [
            _obs("w000", "a", "A1", "p1", "GM0363", "n1"),
            _obs("w001", "a", "A1", "p1", "GM0363", "n1"),
            _obs("w002", "a", "A1", "p1", "GM0363", "n2"),  # minority name: the ad keeps n1
            _obs("w000", "a", "A2", "p1", "GM0363", "n1"),  # re-post under a new code: a new "worker"
            _obs("w000", "b", "A1", "p9", "GM0599", "n1"),  # same code and name on another site: same key
        ]
    )
    link_baseline(con)
    keys = dict(con.execute("SELECT site || site_ad_id, advertiser_key FROM ad_links").fetchall())
    assert keys["aA1"] == keys["bA1"] != keys["aA2"]


def test_shared_phone_does_not_merge_workers() -> None:
    """Six workers behind one intermediary phone, each with own name, age and re-posts: six advertisers."""
    rows = []
    for worker in range(6):
        for week in range(6):
            code = f"A{worker}{'r' if week >= 3 else ''}"  # re-posted under a new code in week 3
            rows.append(
                _obs(f"w{week:03d}", "a", code, "intermediary", "GM0363", f"name{worker}",
                     age=20 + 5 * worker,
                     gender="female", origin_country=["RO", "HU", "BG", "CO", "BR", "NL"][worker])
            )  # fmt: skip
    for worker in range(40):  # ordinary workers give the model something to learn from
        for week in range(4):
            rows.append(_obs(f"w{week:03d}", "a", f"X{worker}{week // 2}", f"p{worker}", "GM0599",
                             f"solo{worker}", age=30, gender="female"))  # fmt: skip
    con = _store(rows)
    result = link_zicht(con, LinkConfig(replicates=20, u_pairs=5000))
    keys = dict(
        con.execute("SELECT site_ad_id, advertiser_key FROM ad_links WHERE method = 'zicht'").fetchall()
    )
    assert len({keys[f"A{w}"] for w in range(6)}) == 6
    assert all(keys[f"A{w}"] == keys[f"A{w}r"] for w in range(6))
    contacts = con.execute("SELECT kind, advertisers FROM shared_contacts WHERE kind = 'phone'").fetchall()
    assert contacts == [("phone", 6)]
    assert result.estimate.low <= result.estimate.point <= result.estimate.high
    differ = [
        d for d in result.model.describe() if d["gamma"] == 0 and d["comparison"] not in ("timing", "gender")
    ]
    assert all(float(d["log2_bf"]) <= 1e-9 for d in differ), differ  # a disagreement never favours a link


@pytest.fixture(scope="module")
def toy(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """A small simulated market (the real simulator, at 2% of the 2021 market over ten weeks)."""
    out = tmp_path_factory.mktemp("toy")
    simulate(load_config(None, seed=5, weeks=10, scale=0.02), out, data_dir)
    return out


def test_observations_from_truth_hold_no_clear_identifiers(toy: Path) -> None:
    observations, moments = observations_from_truth(toy, SECRET)
    ads = pq.read_table(toy / "truth" / "ads.parquet")
    listings = pq.read_table(toy / "truth" / "listings.parquet")
    assert observations.num_rows == listings.num_rows and moments.num_rows == 10
    dumped = json.dumps(observations.to_pylist(), default=str)
    for value in set(ads.column("phone_e164").to_pylist() + ads.column("display_name").to_pylist()) - {None}:
        assert value not in dumped


def test_evaluate_dedupe_reports_both_methods(toy: Path) -> None:
    con = store_from_truth(toy, SECRET, texts=True)
    result = evaluate_dedupe(con, pq.read_table(toy / "truth" / "ads.parquet"), LinkConfig(replicates=50))
    assert set(result) == {"baseline", "zicht"}
    for method in result.values():
        assert set(method) == {"pairwise", "bcubed", "estimated_advertisers", "interval", "true_advertisers",
                               "seconds"}  # fmt: skip
        for kind in ("pairwise", "bcubed"):
            assert set(method[kind]) == {"precision", "recall", "f1"}
    assert result["baseline"]["interval"] is None
    low, high = result["zicht"]["interval"]
    assert low <= result["zicht"]["estimated_advertisers"] <= high
    # re-posts under new codes are what the 2021 rules cannot see; the linking must see them
    assert result["zicht"]["bcubed"]["f1"] > result["baseline"]["bcubed"]["f1"]
    linked = con.execute("SELECT count(*) FROM ad_links WHERE method = 'zicht'").fetchall()[0][0]
    assert (
        linked == con.execute("SELECT count(DISTINCT (site, site_ad_id)) FROM observations").fetchall()[0][0]
    )


def test_shared_contacts_find_the_simulated_intermediaries(tmp_path: Path, data_dir: Path) -> None:
    """Workers whose ads an intermediary runs behind one phone (workers.parquet advertiser_id != worker_id)
    appear as `shared_contacts` phone groups: about as many groups, about as many advertisers in them."""
    from zicht.config import load_config
    from zicht.simulate import simulate

    simulate(load_config(None, scale=0.05, weeks=26, seed=3, shared_phone_rate=0.12), tmp_path, data_dir)
    con = store_from_truth(tmp_path, SECRET)
    link_zicht(con, LinkConfig(replicates=10))
    con.register("truth_ads", pq.read_table(tmp_path / "truth" / "ads.parquet"))
    con.register("truth_workers", pq.read_table(tmp_path / "truth" / "workers.parquet"))
    groups, workers = con.execute("""
        SELECT count(*), sum(n) FROM (
            SELECT w.advertiser_id, count(DISTINCT t.worker_id) AS n
            FROM truth_ads AS t JOIN truth_workers AS w USING (worker_id)
            WHERE w.advertiser_id <> w.worker_id AND t.phone_e164 IS NOT NULL
              AND EXISTS (SELECT 1 FROM observations AS o
                          WHERE o.site = t.site AND o.site_ad_id = t.site_ad_id)
            GROUP BY w.advertiser_id HAVING n >= 2)
    """).fetchall()[0]
    found, advertisers = con.execute(
        "SELECT count(*), sum(advertisers) FROM shared_contacts WHERE kind = 'phone'"
    ).fetchall()[0]
    assert groups >= 5  # the market has intermediaries to find
    assert abs(found - groups) <= 0.25 * groups
    assert abs(advertisers - workers) <= 0.25 * workers
    columns = {row[0] for row in con.execute("DESCRIBE shared_contacts").fetchall()}
    assert not columns & {"phone", "phone_pseudonym", "name", "name_pseudonym"}  # counts only
