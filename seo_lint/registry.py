"""Rule metadata and registration.

A rule is a documented function. `@rule` registers a per-document rule
(`(doc, options) -> Iterator[Violation]`); `@site_rule` registers a rule that runs once
after every file, on the small per-file summaries that `@summarizer` functions produce.
Built-in rules load through the same entry-point group as third-party rules.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from seo_lint.findings import FixAvailability, Severity, Violation

ENTRY_POINT_GROUP = "seo_lint.rules"
_CODE = re.compile(r"^[A-Z]{2,5}\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

T = TypeVar("T")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class RuleOptions(BaseModel):
    """Base for rule options: kebab-case keys in config files, unknown keys rejected."""

    model_config = ConfigDict(alias_generator=_kebab, populate_by_name=True, extra="forbid", frozen=True)


class NoOptions(RuleOptions):
    pass


def for_language(values: Mapping[str, T], language: str) -> T:
    """The value for `language`: exact, else `cjk` for ja/zh/ko, else `default`."""
    if language in values:
        return values[language]
    if language in ("ja", "zh", "ko") and "cjk" in values:
        return values["cjk"]
    return values["default"]


@dataclass(frozen=True)
class SiteViolation:
    """A site rule's finding: positions were resolved when the summary was made."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str


@dataclass(frozen=True)
class Summary:
    """What a site rule may know of one file: small, picklable, cacheable."""

    path: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Site:
    summaries: Sequence[Summary]  # sorted by path; the runner's decodes each one as it is read
    linted: frozenset[str]  # paths whose findings are reported
    root: str = "."
    config: Mapping[str, Any] = field(default_factory=dict)  # e.g. _config.yml, read by the shell


DocumentCheck = Callable[[Any, Any], Iterator[Violation]]
SiteCheck = Callable[[Site, Any], Iterator[SiteViolation]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    fix: FixAvailability
    check: Callable[..., Iterator[Any]]
    options: type[RuleOptions]
    scope: str  # "document" or "site"
    module: str

    @property
    def doc(self) -> str:
        import inspect

        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        """The first sentence under `## What it does`."""
        lines = self.doc.splitlines()
        try:
            start = lines.index("## What it does") + 1
        except ValueError:
            start = 0
        text = " ".join(line.strip() for line in lines[start:] if line.strip() and not line.startswith("#"))
        match = re.match(r"(.+?[.。])(\s|$)", text)
        return match.group(1) if match else text


_RULES: dict[str, Rule] = {}
_SUMMARIZERS: dict[str, Callable[[Any], Any]] = {}
_LOADED = False


def _register(
    code: str, name: str, severity: Severity, fix: FixAvailability, options: type[RuleOptions] | None, scope: str
) -> Callable[[Callable[..., Iterator[Any]]], Callable[..., Iterator[Any]]]:
    if not _CODE.match(code):
        raise ValueError(f"rule code {code!r} must be a family prefix and three digits")
    if not _NAME.match(name):
        raise ValueError(f"rule name {name!r} must be kebab-case")

    def decorator(func: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
        existing = _RULES.get(code)
        if existing is not None and (existing.module, existing.check.__qualname__) != (
            func.__module__,
            func.__qualname__,
        ):
            raise ValueError(f"rule code {code} is registered twice ({existing.module}, {func.__module__})")
        _RULES[code] = Rule(code, name, severity, fix, func, options or NoOptions, scope, func.__module__)
        return func

    return decorator


def rule(
    code: str,
    name: str,
    severity: Severity,
    fix: FixAvailability = FixAvailability.NEVER,
    options: type[RuleOptions] | None = None,
) -> Callable[[DocumentCheck], DocumentCheck]:
    """Register a per-document rule: `check(doc, options) -> Iterator[Violation]`."""
    return _register(code, name, severity, fix, options, "document")


def site_rule(
    code: str,
    name: str,
    severity: Severity,
    fix: FixAvailability = FixAvailability.NEVER,
    options: type[RuleOptions] | None = None,
) -> Callable[[SiteCheck], SiteCheck]:
    """Register a site rule: `check(site, options) -> Iterator[SiteViolation]`."""
    return _register(code, name, severity, fix, options, "site")


def summarizer(key: str) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
    """Register `func(doc) -> small picklable value`, stored as `Summary.data[key]`."""

    def decorator(func: Callable[[Any], Any]) -> Callable[[Any], Any]:
        _SUMMARIZERS[key] = func
        return func

    return decorator


def load() -> None:
    """Import built-in and third-party rule modules through the entry-point group, once."""
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    names = {ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    names.add("seo_lint.rules")  # also when running from a source tree that is not installed
    for name in sorted(names):
        _import_tree(name)


def _import_tree(name: str) -> None:
    module = importlib.import_module(name)
    for info in pkgutil.iter_modules(getattr(module, "__path__", [])):
        importlib.import_module(f"{name}.{info.name}")


def all_rules() -> list[Rule]:
    load()
    return sorted(_RULES.values(), key=lambda r: r.code)


def summarizers() -> dict[str, Callable[[Any], Any]]:
    load()
    return dict(_SUMMARIZERS)


def get(identifier: str) -> Rule | None:
    """A rule by code or name (case-insensitive for codes)."""
    load()
    found = _RULES.get(identifier.upper())
    if found is not None:
        return found
    return next((r for r in _RULES.values() if r.name == identifier.lower()), None)


class UnknownRule(ValueError):
    pass


def resolve(selectors: list[str] | tuple[str, ...]) -> set[str]:
    """Codes matched by codes, names, prefixes (`IMG`, `IMG00`) or `ALL`. Raises UnknownRule."""
    load()
    codes: set[str] = set()
    for selector in selectors:
        text = selector.strip()
        if not text:
            continue
        if text.upper() == "ALL":
            codes.update(_RULES)
            continue
        exact = get(text)
        if exact is not None:
            codes.add(exact.code)
            continue
        prefixed = {code for code in _RULES if code.startswith(text.upper())}
        if not prefixed:
            raise UnknownRule(text)
        codes |= prefixed
    return codes


def build_options(rule_: Rule, overrides: Mapping[str, Any] | None) -> RuleOptions:
    """Options from config: a per-language mapping given in config merges over the default one."""
    if not overrides:
        return rule_.options()
    defaults = rule_.options()
    merged: dict[str, Any] = {}
    for key, value in overrides.items():
        name = key.replace("-", "_")
        current = getattr(defaults, name, None)
        merged[name] = {**current, **value} if isinstance(current, dict) and isinstance(value, dict) else value
    return rule_.options.model_validate(merged)
