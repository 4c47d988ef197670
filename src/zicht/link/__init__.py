"""link stage: the 2021 deduplication rules and Zicht's entity resolution (docs/linking.md)."""

from zicht.link.baseline import link_baseline
from zicht.link.cluster import connected_components, count_components
from zicht.link.estimate import Estimate
from zicht.link.metrics import clustering_metrics
from zicht.link.resolve import LinkConfig, LinkResult, link_zicht
from zicht.link.textsig import signature_jaccard, text_signature

__all__ = [
    "Estimate",
    "LinkConfig",
    "LinkResult",
    "clustering_metrics",
    "connected_components",
    "count_components",
    "link_baseline",
    "link_zicht",
    "signature_jaccard",
    "text_signature",
]
