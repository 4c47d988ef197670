"""Load site adapter files (YAML) and validate them; a malformed file fails naming file, key and reason."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from zicht.errors import AdapterError
from zicht.sites.schema import Adapter


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        key = ".".join(str(p) for p in item["loc"] if not str(p).startswith("function-")) or "(file)"
        if item["type"] == "extra_forbidden":
            reason = "unknown key"
        elif item["type"] == "missing":
            reason = "missing"
        else:
            reason = item["msg"].removeprefix("Value error, ")
        parts.append(f"{key}: {reason}")
    return "; ".join(parts)


def parse_adapter(text: str, source: str) -> Adapter:
    """Validate the YAML text of one adapter file; `source` names it in errors."""
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "syntax error"
        raise AdapterError(f"adapter {source}: not valid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise AdapterError(f"adapter {source}: (file): expected a mapping of keys, got {type(data).__name__}")
    try:
        return Adapter.model_validate(data)
    except ValidationError as error:
        raise AdapterError(f"adapter {source}: {_describe(error)}") from None


def load_adapter(path: Path) -> Adapter:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AdapterError(f"adapter {path}: cannot read: {error}") from None
    return parse_adapter(text, str(path))


def load_adapters(directory: Path | None = None) -> list[Adapter]:
    """The adapters in `directory` (*.yaml, *.yml), or the shipped ones when None; sorted by name."""
    adapters: dict[str, tuple[str, Adapter]] = {}
    if directory is None:
        folder = resources.files("zicht.sites").joinpath("adapters")
        items = [
            (f"zicht/sites/adapters/{f.name}", f.read_text(encoding="utf-8"))
            for f in folder.iterdir()
            if f.name.endswith((".yaml", ".yml"))
        ]
        loaded = [parse_adapter(text, source) for source, text in sorted(items)]
        sources = [source for source, _ in sorted(items)]
    else:
        directory = Path(directory)
        if not directory.is_dir():
            raise AdapterError(f"adapter folder not found: {directory}")
        paths = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
        if not paths:
            raise AdapterError(f"no adapter files (*.yaml) in {directory}")
        loaded = [load_adapter(path) for path in paths]
        sources = [str(path) for path in paths]
    for source, adapter in zip(sources, loaded, strict=True):
        if adapter.name in adapters:
            raise AdapterError(
                f"adapter {source}: name: site {adapter.name!r} is already defined in "
                f"{adapters[adapter.name][0]}"
            )
        adapters[adapter.name] = (source, adapter)
    return [adapters[name][1] for name in sorted(adapters)]
