"""Load and check the register: every *.toml in a directory, dispatched on its `kind`.

`check_register` collects every problem in one pass (file, key, reason; one line each); `load_register` raises
RegisterError when there is any. `verify_citations` checks each cited line against the source reports.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from zicht.errors import RegisterError
from zicht.refdata import ReferenceData
from zicht.register.schema import Municipality, Source, Survey, UniformRuleSet

SHIPPED_DIR = Path(__file__).resolve().parent / "data"
UNIFORM_FILE = "wrs-uniform.toml"
SURVEY_FILE = "national-survey.toml"


@dataclass(frozen=True)
class Problem:
    file: str
    key: str
    reason: str

    def line(self) -> str:
        return f"{self.file}: {self.key}: {self.reason}"


@dataclass(frozen=True)
class Register:
    """The municipal rules (by CBS code), the uniform rule set and the national survey of one directory."""

    directory: Path
    municipalities: dict[str, Municipality]
    uniform: UniformRuleSet | None = None
    survey: Survey | None = None
    files: dict[str, str] = field(default_factory=dict)  # code / "uniform" / "survey" -> file name

    def get(self, code: str) -> Municipality:
        try:
            return self.municipalities[code]
        except KeyError:
            known = ", ".join(sorted(self.municipalities))
            raise RegisterError(f"no register entry for {code}", f"known codes: {known}") from None

    def find(self, code_or_name: str) -> Municipality:
        """Look up by CBS code (GM0363) or by name, case- and accent-insensitive."""
        from zicht.refdata import fold

        if code_or_name.upper() in self.municipalities:
            return self.municipalities[code_or_name.upper()]
        for entry in self.municipalities.values():
            if fold(entry.name) == fold(code_or_name):
                return entry
        return self.get(code_or_name)

    def with_rules(self, rules: UniformRuleSet) -> Register:
        """The same municipalities with `rules` in place of their own (licence counts and notes are kept)."""
        replaced = {code: rules.apply_to(m) for code, m in self.municipalities.items()}
        return Register(self.directory, replaced, self.uniform, self.survey, self.files)


def _pydantic_problems(file: str, error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors():
        key = ".".join(str(p) for p in item["loc"]) or "(file)"
        reason = "unknown key" if item["type"] == "extra_forbidden" else item["msg"]
        if item["type"] == "literal_error":
            reason = f"{item['msg']}, got {item['input']!r}"
        problems.append(Problem(file, key, reason))
    return problems


def _read(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), []
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return None, [Problem(path.name, "(file)", f"not valid TOML: {error}")]


def _validate(path: Path, data: dict[str, Any]) -> tuple[BaseModel | None, list[Problem]]:
    kinds: dict[str, type[BaseModel]] = {
        "municipality": Municipality,
        "uniform": UniformRuleSet,
        "survey": Survey,
    }
    kind = data.get("kind")
    if kind not in kinds:
        return None, [Problem(path.name, "kind", f"must be one of {sorted(kinds)}, got {kind!r}")]
    try:
        return kinds[kind].model_validate(data), []
    except ValidationError as error:
        return None, _pydantic_problems(path.name, error)


def _reference_problems(file: str, entry: Municipality, reference: ReferenceData) -> list[Problem]:
    known = reference.by_code.get(entry.code)
    if known is None:
        return [Problem(file, "code", f"{entry.code} is not a CBS municipality code of 2021")]
    if entry.name not in (known.name, known.common_name):
        return [Problem(file, "name", f"{entry.name!r} does not match {entry.code} ({known.common_name})")]
    return []


def check_register(directory: Path | None = None, reference: ReferenceData | None = None) -> list[Problem]:
    """Every problem in the register directory (empty list: valid)."""
    _, problems = _load(directory, reference)
    return problems


def _load(directory: Path | None, reference: ReferenceData | None) -> tuple[Register, list[Problem]]:
    folder = Path(directory) if directory is not None else SHIPPED_DIR
    if not folder.is_dir():
        raise RegisterError(
            f"register directory not found: {folder}", "pass --dir with a folder of *.toml files"
        )
    paths = sorted(folder.glob("*.toml"))
    problems: list[Problem] = []
    if not paths:
        problems.append(Problem(str(folder), "(directory)", "no *.toml register files"))
    municipalities: dict[str, Municipality] = {}
    files: dict[str, str] = {}
    uniform: UniformRuleSet | None = None
    survey: Survey | None = None
    for path in paths:
        data, read_problems = _read(path)
        problems += read_problems
        if data is None:
            continue
        model, model_problems = _validate(path, data)
        problems += model_problems
        if isinstance(model, Municipality):
            if reference is not None:
                problems += _reference_problems(path.name, model, reference)
            if model.code in municipalities:
                problems.append(Problem(path.name, "code", f"{model.code} also in {files[model.code]}"))
            municipalities[model.code] = model
            files[model.code] = path.name
        elif isinstance(model, UniformRuleSet):
            if uniform is not None:
                problems.append(
                    Problem(path.name, "kind", f"a second uniform rule set (first: {files['uniform']})")
                )
            uniform, files["uniform"] = model, path.name
        elif isinstance(model, Survey):
            survey, files["survey"] = model, path.name
    return Register(folder, municipalities, uniform, survey, files), problems


def load_register(directory: Path | None = None, reference: ReferenceData | None = None) -> Register:
    """Load the register from `directory` (None = the files shipped); raise RegisterError if invalid."""
    register, problems = _load(directory, reference)
    if problems:
        shown = "; ".join(p.line() for p in problems[:5])
        more = f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""
        raise RegisterError(
            f"invalid register: {shown}{more}", "run `zicht register check --dir DIR` for all"
        )
    return register


def load_uniform(path: Path) -> UniformRuleSet:
    """Read one uniform rule set file (for `compare --uniform FILE`)."""
    if not Path(path).is_file():
        raise RegisterError(f"uniform rule set not found: {path}")
    data, problems = _read(Path(path))
    if data is not None:
        model, problems = _validate(Path(path), data)
        if isinstance(model, UniformRuleSet):
            return model
        if model is not None:
            problems = [Problem(Path(path).name, "kind", 'must be "uniform"')]
    raise RegisterError(f"invalid uniform rule set: {'; '.join(p.line() for p in problems)}")


# --- citations ---


def iter_sources(model: BaseModel, key: str = "") -> Iterator[tuple[str, Source]]:
    """Every Source inside a model, with its dotted key."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        yield from _walk(value, f"{key}.{name}" if key else name)


def _walk(value: Any, key: str) -> Iterator[tuple[str, Source]]:
    if isinstance(value, Source):
        yield key, value
    elif isinstance(value, BaseModel):
        yield from iter_sources(value, key)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, f"{key}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _walk(v, f"{key}[{i}]")


def _squash(text: str) -> str:
    """Compare text with whitespace collapsed, NFC-normalised and curly quotes made straight."""
    text = unicodedata.normalize("NFC", text).replace("\u2018", "'").replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def verify_citations(register: Register, seeds_dir: Path) -> list[Problem]:
    """Check that each cited line exists in its report and, with a quote, that the quote occurs on that line
    or the next two (whitespace-insensitive)."""
    cache: dict[str, list[str]] = {}
    problems: list[Problem] = []
    models: list[tuple[str, BaseModel]] = [(register.files[c], m) for c, m in register.municipalities.items()]
    if register.uniform is not None:
        models.append((register.files["uniform"], register.uniform))
    if register.survey is not None:
        models.append((register.files["survey"], register.survey))
    for file, model in models:
        for key, source in iter_sources(model):
            if source.report not in cache:
                path = Path(seeds_dir) / source.report
                if not path.is_file():
                    problems.append(Problem(file, key, f"report {source.report} not found in {seeds_dir}"))
                    cache[source.report] = []
                    continue
                cache[source.report] = path.read_text(encoding="utf-8").splitlines()
            lines = cache[source.report]
            if not lines:
                continue
            last = source.to_line or source.line
            if last > len(lines):
                problems.append(
                    Problem(file, key, f"line {last} is past the end of {source.report} ({len(lines)})")
                )
                continue
            passage = lines[source.line - 1 : source.line + 2]
            window = _squash(" ".join(passage))
            joined = _squash(re.sub(r"-\s*\n\s*", "", "\n".join(passage)))  # words hyphenated across lines
            if not _squash(lines[source.line - 1]):
                problems.append(Problem(file, key, f"{source.cite()} is an empty line"))
            elif source.quote and _squash(source.quote) not in window and _squash(source.quote) not in joined:
                problems.append(
                    Problem(file, key, f"quote {source.quote!r} not on {source.cite()} or the 2 lines after")
                )
    return problems
