"""Site adapters as data: schema, loader and the readers that turn pages into AdInput records."""

from zicht.sites.loader import load_adapter, load_adapters, parse_adapter
from zicht.sites.read import ad_code_from_url, read_ad, read_overview
from zicht.sites.schema import FIELD_NAMES, Adapter

__all__ = [
    "FIELD_NAMES",
    "Adapter",
    "ad_code_from_url",
    "load_adapter",
    "load_adapters",
    "parse_adapter",
    "read_ad",
    "read_overview",
]
