"""simulate stage: the synthetic ad market with its ground truth (market.py, truth.py, calibration.py) and the
simulated sites that serve it (web.py, texts.py, serve.py).

Public API (imported lazily, so the web layer does not pull in the model): `simulate`, `SimulationSummary`,
`read_truth`, `Truth`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SimulationSummary", "Truth", "read_truth", "simulate"]


def __getattr__(name: str) -> Any:
    if name in ("simulate", "SimulationSummary"):
        from zicht.simulate import market

        return getattr(market, name)
    if name in ("read_truth", "Truth"):
        from zicht.simulate import truth

        return getattr(truth, name)
    raise AttributeError(f"module 'zicht.simulate' has no attribute {name!r}")
