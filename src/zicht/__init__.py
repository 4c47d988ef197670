"""Zicht: open, repeatable measurement of the online sex-work advertisement market.

Pipeline: sites -> crawl -> extract -> store -> link -> measure -> report, plus register and simulate.
The library API is exported here; names load on first use so that `zicht --help` stays fast.

    from zicht import load_config, resolve_data_dir, run_demo
    run_demo(load_config(None, scale=0.1), Path("out"), resolve_data_dir())
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Config": "zicht.config",
    "load_config": "zicht.config",
    "resolve_data_dir": "zicht.refdata",
    "load_reference": "zicht.refdata",
    "read_truth": "zicht.simulate",
    "SiteServer": "zicht.simulate.serve",
    "load_adapters": "zicht.sites",
    "read_ad": "zicht.sites",
    "crawl_run": "zicht.crawl",
    "iter_archived_ads": "zicht.crawl",
    "extract_ad": "zicht.extract",
    "PlaceIndex": "zicht.extract",
    "connect": "zicht.store",
    "export_parquet": "zicht.store",
    "ingest_runs": "zicht.pipeline",
    "link_store": "zicht.pipeline",
    "link_baseline": "zicht.link",
    "link_zicht": "zicht.link",
    "evaluate_dedupe": "zicht.evaluate.dedupe",
    "write_report": "zicht.report",
    "load_register": "zicht.register",
    "cross_analysis": "zicht.register",
    "run_demo": "zicht.pipeline.demo",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'zicht' has no attribute {name!r}")
