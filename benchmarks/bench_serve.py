"""How fast the simulated sites serve: requests/s of a crawl-like load (overview pages, then ad pages).

The server runs in its own process (one Python process, so about one core); a thread pool of clients with
keep-alive connections fetches every page of the current week once (cold: ads rendered on first request), then
keeps fetching for --seconds (warm: cached renders). Also prints the in-process render cost per ad.

    .venv/bin/python benchmarks/bench_serve.py                   # a synthetic truth of ~7,000 ads
    .venv/bin/python benchmarks/bench_serve.py --sim /tmp/simweb  # a `zicht simulate` output
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing as mp
import queue
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def _serve(sim_dir: str, conn: mp.connection.Connection) -> None:
    from zicht.simulate.serve import SiteServer

    with SiteServer(Path(sim_dir), fault_rate=0.0) as server:
        conn.send(server.base_urls)
        conn.recv()  # wait for "stop"


def _crawl_paths(sim_dir: Path, week: int) -> list[tuple[str, str]]:
    """Every page a crawl of `week` fetches: (site, path)."""
    from zicht.simulate.serve import load_index
    from zicht.simulate.web import ad_path, overview_path, page_count

    index = load_index(sim_dir)
    paths = []
    for site in ("a", "b", "c"):
        codes = index.listed[week][site]
        paths += [(site, overview_path(site, p)) for p in range(1, page_count(len(codes), site) + 1)]
        paths += [(site, ad_path(index.ads[site][c])) for c in codes]
    return paths


def _run(
    base_urls: dict[str, str], paths: list[tuple[str, str]], clients: int, seconds: float | None
) -> dict:
    """Fetch `paths` once (seconds=None) or round-robin for `seconds`; return counts and latencies."""
    work: queue.Queue[tuple[str, str]] = queue.Queue()
    for p in paths:
        work.put(p)
    stop = time.perf_counter() + (seconds or 0)
    latencies: list[float] = []
    sizes: list[int] = []
    lock = threading.Lock()

    def worker(offset: int) -> None:
        conns = {
            s: http.client.HTTPConnection(urlsplit(u).hostname, urlsplit(u).port, timeout=30)
            for s, u in base_urls.items()
        }
        mine_lat, mine_size = [], []
        i = offset
        while True:
            if seconds is None:
                try:
                    site, path = work.get_nowait()
                except queue.Empty:
                    break
            else:
                if time.perf_counter() >= stop:
                    break
                site, path = paths[i % len(paths)]
                i += clients
            t0 = time.perf_counter()
            conns[site].request("GET", path)
            response = conns[site].getresponse()
            body = response.read()
            mine_lat.append(time.perf_counter() - t0)
            mine_size.append(len(body))
            if response.status != 200:
                raise RuntimeError(f"{site}{path}: {response.status}")
        for c in conns.values():
            c.close()
        with lock:
            latencies.extend(mine_lat)
            sizes.extend(mine_size)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, range(clients)))
    elapsed = time.perf_counter() - t0
    latencies.sort()
    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
        "kb_per_page": statistics.mean(sizes) / 1024,
    }


def _render_cost(sim_dir: Path) -> float:
    """Microseconds to compose and render one ad page, in process, no cache."""
    from zicht.simulate.serve import load_index
    from zicht.simulate.texts import ad_wording
    from zicht.simulate.web import render_ad_page

    ads = [ad for site in load_index(sim_dir).ads.values() for ad in site.values()][:3000]
    t0 = time.perf_counter()
    for ad in ads:
        render_ad_page(ad, ad_wording(ad))
    return (time.perf_counter() - t0) / len(ads) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sim", type=Path, help="a simulation directory (default: a synthetic truth)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--week", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sim_dir = args.sim
        if sim_dir is None:
            from webfixtures import write_truth

            sim_dir = write_truth(Path(tmp), n_ads={"a": 6000, "b": 3000, "c": 1500}, weeks=4, seed=3)
        paths = _crawl_paths(sim_dir, args.week)
        print(f"sim {sim_dir}, week {args.week}: {len(paths)} pages, {args.clients} client threads")  # noqa: T201
        print(f"render (compose text + page, uncached): {_render_cost(sim_dir):.0f} µs per ad")  # noqa: T201

        parent, child = mp.get_context("spawn").Pipe()
        process = mp.get_context("spawn").Process(target=_serve, args=(str(sim_dir), child), daemon=True)
        process.start()
        base_urls = parent.recv()
        try:
            host, port = urlsplit(base_urls["a"]).hostname, urlsplit(base_urls["a"]).port
            admin = http.client.HTTPConnection(host, port)
            admin.request("PUT", f"/_zicht/week/{args.week}")
            admin.getresponse().read()
            admin.close()
            cold = _run(base_urls, paths, args.clients, None)
            warm = _run(base_urls, paths, args.clients, args.seconds)
            for label, r in (("cold (first fetch, renders)", cold), ("warm (cached renders)", warm)):
                print(  # noqa: T201
                    f"{label}: {r['requests']} requests in {r['seconds']:.1f} s = {r['rps']:.0f} requests/s, "
                    f"p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, {r['kb_per_page']:.1f} KB/page"
                )
        finally:
            parent.send("stop")
            process.join(timeout=10)


if __name__ == "__main__":
    main()
