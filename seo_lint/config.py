"""Configuration: find, validate and merge config files, then resolve the settings of each file.

Config lives in `[tool.seo-lint]` of `pyproject.toml`, or in `.seo-lint.toml` / `seo-lint.toml`
(the whole file is the table). For each linted file the closest config file wins (searching
upward from the file's folder, like ruff); `extend = "../base.toml"` inherits on purpose.
Globs and paths in a config file are relative to the folder of the file that wrote them.

Rule selection is applied in layers, each one (`select` resets, `extend-select` adds,
`ignore` removes): every rule → each config file (base first) → each matching
`[[overrides]]` → the command line → `per-file-ignores`.

Every problem is a `ConfigError` with a one-line message naming the file, the key and what
is valid.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from seo_lint.discover import DEFAULT_INCLUDE, Filter, UsageError, compile_globs, relative_posix
from seo_lint.findings import Severity

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from seo_lint import registry
    from seo_lint.config_tables import ConfigTable, OverrideTable, SiteTable
    from seo_lint.document import DocumentSettings
    from seo_lint.lint import ActiveRule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = (".seo-lint.toml", "seo-lint.toml", "pyproject.toml")
VALID_RULES = "rule codes, names, prefixes or ALL; see seo-lint --list-rules"
FAIL_ON = ("error", "warning", "info", "never")

class ConfigError(UsageError):
    """A configuration problem, as one line: `file: what is wrong (valid: ...)`."""


def _kebab(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


# --- reading files ------------------------------------------------------------------------


def display(path: Path, cwd: Path | None = None) -> str:
    """A path as shown to the user: relative to the current folder when under it."""
    rel = relative_posix(path, cwd or Path.cwd())
    return rel if rel is not None else path.as_posix()


def _read_table(path: Path) -> dict[str, Any] | None:
    """The seo-lint table of a config file (None for a pyproject.toml without one)."""
    try:
        with open(path, "rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{display(path)}: invalid TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{display(path)}: invalid TOML: not UTF-8 (byte {error.start:,})") from None
    except RecursionError:
        raise ConfigError(f"{display(path)}: invalid TOML: nested too deeply") from None
    except OSError as error:
        raise ConfigError(f"{display(path)}: cannot read: {error.strerror or error}") from None
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    table: Any = tool.get("seo-lint") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{display(path)}: [tool.seo-lint] must be a table")
    return table


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside `X`, `list[X]` or `X | None`."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _aliases(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _nested(model: type[BaseModel] | None, loc: Sequence[Any]) -> type[BaseModel] | None:
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        name = next((n for n, info in model.model_fields.items() if (info.alias or n) == part), None)
        if name is None:
            return None
        model = _model_of(model.model_fields[name].annotation)
    return model


def _key(loc: Sequence[Any], prefix: str = "") -> str:
    text = prefix
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


_PLAIN = {
    "model_type": "expected a table",
    "dict_type": "expected a table",
    "list_type": "expected a list",
    "tuple_type": "expected a list",
    "string_type": "expected a string",
    "bool_type": "expected true or false",
    "int_type": "expected an integer",
    "float_type": "expected a number",
}


def _message(error: Any) -> str:
    """pydantic's message for one error, in the words of a TOML file."""
    if error["type"] in _PLAIN:
        return _PLAIN[error["type"]]
    message = str(error["msg"]).removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def describe_validation(
    error: ValidationError, model: type[BaseModel], where: str, prefix: str = ""
) -> str:
    """One line for the first problem pydantic found."""
    first = error.errors()[0]
    loc = [part for part in first["loc"] if not (isinstance(part, str) and part.startswith("function-"))]
    key = _key(loc, prefix)
    kind = first["type"]
    if kind == "extra_forbidden":
        parent = _nested(model, loc[:-1])
        valid = ", ".join(_aliases(parent)) if parent is not None else "none"
        return f'{where}: unknown key "{key}" (valid: {valid})'
    if kind == "missing":
        return f'{where}: missing key "{key}"'
    return f'{where}: bad value for "{key}": {_message(first)} (got {_show(first.get("input"))})'


# --- loaded config files -------------------------------------------------------------------


@dataclass
class Override:
    table: OverrideTable
    spec: Any  # pathspec.PathSpec of `files`
    index: int  # position among every override of the chain
    base: Path  # the folder of the config file that wrote it
    where: str
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class Layer:
    """One config file: its validated table and the folder its globs are relative to."""

    path: Path
    table: ConfigTable
    overrides: list[Override] = field(default_factory=list)
    per_file_ignores: list[tuple[Any, frozenset[str]]] = field(default_factory=list)
    #: (glob spec or None for every file, loaded schema, schema path) in the order written.
    schemas: list[tuple[Any, dict[str, Any], str]] = field(default_factory=list)
    #: rule code → options written under [rules.X] (schema paths already loaded).
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def base(self) -> Path:
        return self.path.parent

    @property
    def where(self) -> str:
        return display(self.path)

    def matches(self, spec: Any, path: Path) -> bool:
        rel = relative_posix(path, self.base)
        return rel is not None and bool(spec.match_file(rel))


@dataclass
class Chain:
    """A config file with the files it extends, base first."""

    path: Path
    layers: list[Layer]

    def last(self, attr: str) -> Any:
        for layer in reversed(self.layers):
            value = getattr(layer.table, attr)
            if value is not None:
                return value
        return None

    def site(self) -> SiteTable:
        from seo_lint.config_tables import SiteTable

        merged: dict[str, Any] = {}
        for layer in self.layers:
            merged.update(layer.table.site.model_dump(by_alias=True, exclude_none=True))
        return SiteTable.model_validate(merged)


def _resolve_selectors(selectors: Sequence[str], where: str, key: str) -> set[str]:
    from seo_lint import registry

    try:
        return registry.resolve(list(selectors))
    except registry.UnknownRule as error:
        raise ConfigError(f'{where}: unknown rule "{error}" in "{key}" (valid: {VALID_RULES})') from None


_SCHEMAS: dict[Path, dict[str, Any]] = {}


def load_schema(path: Path, where: str, key: str = "schema") -> dict[str, Any]:
    """A JSON Schema file, checked against Draft 2020-12 (cached by path)."""
    path = Path(os.path.abspath(path))
    if path in _SCHEMAS:
        return _SCHEMAS[path]
    shown = display(path)
    try:
        with open(path, encoding="utf-8") as handle:
            schema = json.load(handle)
    except FileNotFoundError:
        raise ConfigError(f'{where}: "{key}": schema file {shown} not found') from None
    except OSError as error:
        raise ConfigError(f'{where}: "{key}": cannot read schema file {shown}: {error.strerror}') from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise ConfigError(f'{where}: "{key}": schema file {shown} is not valid JSON: {error}') from None
    if not isinstance(schema, dict):
        raise ConfigError(f'{where}: "{key}": schema file {shown} must hold a JSON object')
    from seo_lint.schema import import_jsonschema  # imported here: slow, and only for schema files

    jsonschema = import_jsonschema()
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        message = str(error.message).splitlines()[0][:200]
        path_text = "/".join(str(p) for p in error.path) or "(root)"
        raise ConfigError(
            f'{where}: "{key}": schema file {shown} is not a valid JSON Schema at {path_text}: {message}'
        ) from None
    from seo_lint.schema import unresolvable_ref

    ref = unresolvable_ref(schema)
    if ref is not None:
        raise ConfigError(
            f'{where}: "{key}": schema file {shown} has a $ref that cannot be resolved: {ref[:200]} '
            "(seo-lint never downloads schemas)"
        )
    _SCHEMAS[path] = schema
    return schema


def schema_rules() -> list[registry.Rule]:
    from seo_lint import registry

    return [r for r in registry.all_rules() if "schema" in r.options.model_fields]


def _check_rule_options(layer: Layer, key: str, table: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Validate `[rules.X]` tables against each rule's options model; key them by code."""
    from pydantic import ValidationError

    from seo_lint import registry

    where = layer.where
    out: dict[str, dict[str, Any]] = {}
    for selector, options in table.items():
        if not isinstance(options, dict):
            raise ConfigError(f'{where}: bad value for "{key}.{selector}": expected a table of options')
        for code in sorted(_resolve_selectors([selector], where, key)):
            rule = registry.get(code)
            assert rule is not None
            values = dict(options)
            if isinstance(values.get("schema"), str) and "schema" in rule.options.model_fields:
                values["schema"] = load_schema(layer.base / values["schema"], where, f"{key}.{selector}.schema")
            check = {k: v for k, v in values.items() if k != "schema" or "schema" not in rule.options.model_fields}
            try:
                registry.build_options(rule, check)
            except ValidationError as error:
                raise ConfigError(_describe_options(error, rule, where, f"{key}.{selector}")) from None
            out.setdefault(code, {}).update(values)
    return out


def _describe_options(error: ValidationError, rule: registry.Rule, where: str, prefix: str) -> str:
    first = error.errors()[0]
    loc = [_kebab(p) if isinstance(p, str) else p for p in first["loc"]]
    key = _key(loc, prefix)
    if first["type"] == "extra_forbidden":
        valid = ", ".join(_kebab(n) for n in rule.options.model_fields) or "none"
        return f'{where}: unknown key "{key}" (valid: {valid})'
    return f'{where}: bad value for "{key}": {_message(first)} (got {_show(first.get("input"))})'


def _load_layer(path: Path, table: dict[str, Any], first_index: int) -> Layer:
    from pydantic import ValidationError

    from seo_lint.config_tables import ConfigTable

    where = display(path)
    try:
        model = ConfigTable.model_validate(table)
    except ValidationError as error:
        raise ConfigError(describe_validation(error, ConfigTable, where)) from None
    layer = Layer(path, model)
    for key in ("select", "extend_select", "ignore"):
        _resolve_selectors(getattr(model, key) or [], where, _kebab(key))
    for selector in model.severity:
        _resolve_selectors([selector], where, "severity")
    for glob, codes in model.per_file_ignores.items():
        resolved = _resolve_selectors(codes, where, f"per-file-ignores.{glob}")
        layer.per_file_ignores.append((compile_globs([glob]), frozenset(resolved)))
    layer.rules = _check_rule_options(layer, "rules", model.rules)
    if isinstance(model.schema_, str):
        layer.schemas.append((None, load_schema(layer.base / model.schema_, where), model.schema_))
    elif isinstance(model.schema_, dict):
        for glob, target in model.schema_.items():
            schema = load_schema(layer.base / target, where, f"schema.{glob}")
            layer.schemas.append((compile_globs([glob]), schema, target))
    for number, override in enumerate(model.overrides, 1):
        key = f"overrides[{number}]"
        for attr in ("select", "extend_select", "ignore"):
            _resolve_selectors(getattr(override, attr) or [], where, f"{key}.{_kebab(attr)}")
        for selector in override.severity:
            _resolve_selectors([selector], where, f"{key}.severity")
        if override.schema_ is not None:
            load_schema(layer.base / override.schema_, where, f"{key}.schema")
        rules = _check_rule_options(layer, f"{key}.rules", override.rules)
        spec = compile_globs(override.files)
        layer.overrides.append(Override(override, spec, first_index + number - 1, layer.base, where, rules))
    return layer


def load_chain(path: Path) -> Chain:
    """A config file and the files it `extend`s (base first)."""
    layers: list[Layer] = []
    seen: set[str] = set()
    current = Path(os.path.abspath(path))
    table = _read_table(current)
    if table is None:
        raise ConfigError(f"{display(current)}: no [tool.seo-lint] section")
    pending: list[tuple[Path, dict[str, Any]]] = []
    while True:
        real = os.path.realpath(current)
        if real in seen:
            raise ConfigError(f'{display(current)}: "extend" forms a cycle')
        seen.add(real)
        pending.append((current, table))
        target = table.get("extend")
        if not isinstance(target, str):
            break
        nxt = Path(os.path.abspath(current.parent / target))
        if not nxt.is_file():
            raise ConfigError(f'{display(current)}: "extend": {display(nxt)} not found')
        next_table = _read_table(nxt)
        if next_table is None:
            raise ConfigError(f'{display(current)}: "extend": {display(nxt)} has no [tool.seo-lint] section')
        current, table = nxt, next_table
    index = 0
    for config_path, raw in reversed(pending):
        layer = _load_layer(config_path, raw, index)
        index += len(layer.overrides)
        layers.append(layer)
    return Chain(Path(os.path.abspath(path)), layers)


def _file_hash(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return "-"


def _config_inputs(path: Path) -> list[str]:
    """`path:hash` of a config file, the files it extends and the schema files they name."""
    parts: list[str] = []
    seen: set[Path] = set()
    current: Path | None = Path(os.path.abspath(path))
    while current is not None and current not in seen:
        seen.add(current)
        parts.append(f"{current}:{_file_hash(current)}")
        try:
            table = _read_table(current) or {}
        except ConfigError:
            break
        for schema in sorted(_schema_paths(table)):
            parts.append(f"{schema}:{_file_hash(Path(os.path.abspath(current.parent / schema)))}")
        target = table.get("extend")
        current = Path(os.path.abspath(current.parent / target)) if isinstance(target, str) else None
    return parts


def _schema_paths(value: Any) -> set[str]:
    """Every string under a `schema` key (a path, or a table of glob = path), at any depth."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "schema":
                if isinstance(item, str):
                    found.add(item)
                elif isinstance(item, dict):
                    found.update(v for v in item.values() if isinstance(v, str))
            found |= _schema_paths(item)
    elif isinstance(value, list):
        for item in value:
            found |= _schema_paths(item)
    return found


# --- site detection -------------------------------------------------------------------------

_HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
_JEKYLL_CONFIGS = ("_config.yml", "_config.yaml")


def _is_hugo_config_toml(folder: Path) -> bool:
    path = folder / "config.toml"
    if not path.is_file():
        return False
    if (folder / "content").is_dir():
        return True
    try:
        return "params" in tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def detect_generator(folder: Path) -> str | None:
    """jekyll (`_config.yml`), hugo (`hugo.toml`, or `config.toml` with `[params]` / `content/`)."""
    if any((folder / name).is_file() for name in _JEKYLL_CONFIGS):
        return "jekyll"
    if any((folder / name).is_file() for name in _HUGO_CONFIGS) or _is_hugo_config_toml(folder):
        return "hugo"
    return None


def read_site_config(folder: Path, generator: str | None) -> dict[str, Any]:
    """The generator's own config (`_config.yml`, `hugo.toml`), or {} when missing or broken."""
    names: tuple[str, ...] = _JEKYLL_CONFIGS if generator == "jekyll" else _HUGO_CONFIGS + ("config.toml",)
    for name in names:
        path = folder / name
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
            if name.endswith(".toml"):
                data: Any = tomllib.loads(text)
            elif name.endswith(".json"):
                data = json.loads(text)
            else:
                import yaml

                data = yaml.safe_load(text)
        except Exception:  # noqa: BLE001 - a broken generator config is the generator's problem
            return {}
        return data if isinstance(data, dict) else {}
    return {}


# --- per-file resolution --------------------------------------------------------------------


@dataclass(frozen=True)
class FileSettings:
    """Everything the per-file pass needs, resolved from the config for one file."""

    settings: DocumentSettings
    rules: tuple[ActiveRule, ...]
    max_file_size: int


@dataclass(frozen=True)
class CliOptions:
    """Command line settings that override every config file."""

    config: Path | None = None
    isolated: bool = False
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    language: str | None = None
    root: Path | None = None
    fail_on: str | None = None


def _apply(codes: set[str], select: Any, extend: Any, ignore: Any) -> set[str]:
    from seo_lint import registry

    if select is not None:
        codes = set(registry.resolve(list(select)))
    if extend:
        codes |= registry.resolve(list(extend))
    if ignore:
        codes -= registry.resolve(list(ignore))
    return codes


class Resolver:
    """Finds the config of each file (cached per folder) and resolves its settings."""

    def __init__(self, cli: CliOptions | None = None, cwd: Path | None = None) -> None:
        self.cli = cli or CliOptions()
        self.cwd = Path(os.path.abspath(cwd or Path.cwd()))
        for flag, values in (("--select", self.cli.select), ("--extend-select", self.cli.extend_select),
                             ("--ignore", self.cli.ignore)):
            if not values:
                continue  # (resolving imports every rule)
            from seo_lint import registry

            try:
                registry.resolve(list(values or ()))
            except registry.UnknownRule as error:
                raise UsageError(f'unknown rule "{error}" in {flag} (valid: {VALID_RULES})') from None
        if self.cli.root is not None and not (self.cwd / self.cli.root).is_dir():
            raise UsageError(f'--root "{self.cli.root}" is not a folder')
        self._fixed: Chain | None = None
        if self.cli.config is not None and not self.cli.isolated:
            config = Path(os.path.abspath(self.cwd / self.cli.config))
            if not config.is_file():
                problem = "is not a file" if config.exists() else "does not exist"
                raise UsageError(f'config file "{self.cli.config}" {problem}')
            self._fixed = load_chain(config)
        self._chains: dict[Path, Path | None] = {}
        self._input_keys: dict[Path, str] = {}
        self._loaded: dict[Path, Chain] = {}
        self._site_roots: dict[Path, Path | None] = {}
        self._sites: dict[Path, tuple[str, dict[str, Any]]] = {}
        self._rules: dict[tuple[Any, ...], tuple[ActiveRule, ...]] = {}
        self._options: dict[tuple[str, str], registry.RuleOptions] = {}
        self._settings: dict[tuple[Any, ...], DocumentSettings] = {}
        self._filters: dict[Path, Filter] = {}
        #: Settings of the files of a folder whose config has no per-path part (no overrides,
        #: per-file-ignores or schema globs): the same for every file there.
        self._by_folder: dict[str, FileSettings] = {}

    # --- finding config files ---

    def chain_for(self, folder: Path) -> Chain | None:
        """The closest config of `folder` (the --config file, or None when --isolated)."""
        if self._fixed is not None:
            return self._fixed
        path = self.config_path(folder)
        if path is None:
            return None
        if path not in self._loaded:
            self._loaded[path] = load_chain(path)
        return self._loaded[path]

    def config_path(self, folder: Path) -> Path | None:
        """Where the closest config of `folder` is (found, not loaded: no validation, no rule)."""
        if self.cli.isolated:
            return None
        if self._fixed is not None:
            return self._fixed.path
        folder = Path(os.path.abspath(folder))
        visited: list[Path] = []
        found: Path | None = None
        current: Path | None = folder
        while current is not None:
            if current in self._chains:
                found = self._chains[current]
                break
            visited.append(current)
            found = self._config_in(current)
            if found is not None:
                break
            current = current.parent if current.parent != current else None
        for path in visited:
            self._chains[path] = found
        return found

    @staticmethod
    def _config_in(folder: Path) -> Path | None:
        for name in CONFIG_FILES:
            path = folder / name
            if not path.is_file():
                continue
            if name == "pyproject.toml" and _read_table(path) is None:
                continue
            return path
        return None

    def input_key(self, folder: Path) -> str:
        """A hash of everything the settings of the files in `folder` are resolved from: the
        command line, the current folder, the bytes of the config file, of the files it extends
        and of the schemas they name, the site root and the bytes of the generator's config.
        Computed without validating anything or importing a rule (the result cache's key: a
        config that does not resolve never had results cached under its key)."""
        folder = Path(os.path.abspath(folder))
        known = self._input_keys.get(folder)
        if known is not None:
            return known
        config = self.config_path(folder)
        root = self.site_root(folder)
        parts = [str(self.cwd), repr(self.cli), str(config), str(root)]
        if config is not None:
            parts += _config_inputs(config)
        if root is not None:
            parts += [f"{name}:{_file_hash(root / name)}" for name in (*_JEKYLL_CONFIGS, *_HUGO_CONFIGS, "config.toml")]
            parts.append(f"content:{(root / 'content').is_dir()}")
        key = self._input_keys[folder] = hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
        return key

    def root_chain(self) -> Chain | None:
        return self.chain_for(self.cwd)

    def fail_on(self) -> str:
        if self.cli.fail_on is not None:
            return self.cli.fail_on
        chain = self.root_chain()
        value = chain.last("fail_on") if chain is not None else None
        return str(value) if value is not None else "error"

    # --- discovery filters ---

    def filter_for(self, folder: Path) -> Filter:
        chain = self.chain_for(folder)
        anchor = Path(Path(os.path.abspath(folder)).anchor)  # the default globs match at any depth
        key = chain.path if chain is not None else anchor
        if key not in self._filters:
            include_layer = None
            if chain is not None:
                include_layer = next((x for x in reversed(chain.layers) if x.table.include is not None), None)
            include = tuple(include_layer.table.include or ()) if include_layer else DEFAULT_INCLUDE
            include_base = include_layer.base if include_layer else anchor
            exclude = tuple(
                (layer.base, tuple(layer.table.exclude)) for layer in (chain.layers if chain else [])
                if layer.table.exclude
            )
            self._filters[key] = Filter(include_base, include, exclude)
        return self._filters[key]

    # --- the site ---

    def site_root(self, path: Path) -> Path | None:
        """--root; else the nearest folder with `_config.yml` / `hugo.toml`, not above the config's
        folder; else the config's folder; else None (no site beyond the files given)."""
        if self.cli.root is not None:
            return Path(os.path.abspath(self.cwd / self.cli.root))
        folder = Path(os.path.abspath(path if path.is_dir() else path.parent))
        if folder in self._site_roots:
            return self._site_roots[folder]
        config = self.config_path(folder)
        limit = config.parent if config is not None else None
        found: Path | None = None
        for candidate in (folder, *folder.parents):
            if detect_generator(candidate) is not None:
                found = candidate
                break
            if candidate == limit:
                break
        if found is None:
            found = limit
        self._site_roots[folder] = found
        return found

    def site(self, root: Path | None) -> tuple[str, dict[str, Any]]:
        """(detected generator, the generator's config) of a site root."""
        if root is None:
            return "generic", {}
        if root not in self._sites:
            generator = detect_generator(root)
            self._sites[root] = (generator or "generic", read_site_config(root, generator) if generator else {})
        return self._sites[root]

    # --- one file ---

    def resolve(self, path: Path) -> FileSettings:
        text = os.path.abspath(path)
        folder = os.path.dirname(text)
        known = self._by_folder.get(folder)
        if known is not None and not os.path.isdir(text):
            return known
        path = Path(text)
        chain = self.chain_for(path.parent)
        layers = chain.layers if chain is not None else []
        resolved = self._resolve(path, chain, layers)
        per_folder = not path.is_dir() and not any(
            layer.overrides or layer.per_file_ignores or any(spec is not None for spec, _, _ in layer.schemas)
            for layer in layers
        )
        if per_folder:
            self._by_folder[folder] = resolved
        return resolved

    def _resolve(self, path: Path, chain: Chain | None, layers: list[Layer]) -> FileSettings:
        overrides = [o for layer in layers for o in layer.overrides if layer.matches(o.spec, path)]
        ignores = [
            (li, i) for li, layer in enumerate(layers)
            for i, (spec, _) in enumerate(layer.per_file_ignores) if layer.matches(spec, path)
        ]
        schema: tuple[Any, ...] | None = None
        for li, layer in enumerate(layers):
            for si, (spec, _, _) in enumerate(layer.schemas):
                if spec is None or layer.matches(spec, path):
                    schema = (li, si)
        for override in overrides:
            if override.table.schema_ is not None:
                schema = ("override", override.index)
        root = self.site_root(path)
        from seo_lint.config_tables import SiteTable
        from seo_lint.load import DEFAULT_MAX_FILE_SIZE

        site = chain.site() if chain is not None else SiteTable()
        key = (id(chain), tuple(o.index for o in overrides), tuple(ignores), schema, root)
        rules = self._rules.get(key)
        if rules is None:
            rules = self._build_rules(chain, overrides, ignores, schema, site)
            self._rules[key] = rules
        language = self.cli.language
        if language is None:
            language = next((o.table.language for o in reversed(overrides) if o.table.language), None)
        if language is None and chain is not None:
            language = chain.last("language")
        max_size = chain.last("max_file_size") if chain is not None else None
        return FileSettings(self._document_settings(root, site, language, chain), rules,
                            max_size or DEFAULT_MAX_FILE_SIZE)

    def _document_settings(
        self, root: Path | None, site: SiteTable, language: str | None, chain: Chain | None
    ) -> DocumentSettings:
        from seo_lint.document import DEFAULT_IMAGE_FIELDS, DocumentSettings

        key = (root, id(chain), language)
        if key not in self._settings:
            detected, data = self.site(root)
            generator = site.generator or detected
            # Jekyll and Hugo layouts (and most others) print the front matter title as the H1.
            title_is_h1 = site.title_is_h1 if site.title_is_h1 is not None else True
            timezone = site.timezone or data.get("timezone") or data.get("timeZone") or "UTC"
            base_url = site.base_url or _base_url(generator, data)
            fields = tuple(site.image_fields) if site.image_fields is not None else DEFAULT_IMAGE_FIELDS
            self._settings[key] = DocumentSettings(
                language=language, generator=generator, title_is_h1=title_is_h1, timezone=str(timezone),
                image_fields=fields, base_url=base_url, site=data,
            )
        return self._settings[key]

    def _build_rules(
        self,
        chain: Chain | None,
        overrides: list[Override],
        ignores: list[tuple[int, int]],
        schema_at: tuple[Any, ...] | None,
        site: SiteTable,
    ) -> tuple[ActiveRule, ...]:
        from seo_lint import registry
        from seo_lint.lint import ActiveRule

        layers = chain.layers if chain is not None else []
        codes = {rule.code for rule in registry.all_rules()}
        severity: dict[str, Severity] = {}
        options: dict[str, dict[str, Any]] = {}
        for layer in layers:
            codes = _apply(codes, layer.table.select, layer.table.extend_select, layer.table.ignore)
            for selector, level in layer.table.severity.items():
                for code in registry.resolve([selector]):
                    severity[code] = Severity(level)
            for code, values in layer.rules.items():
                options.setdefault(code, {}).update(values)
        for override in overrides:
            table = override.table
            codes = _apply(codes, table.select, table.extend_select, table.ignore)
            for selector, level in table.severity.items():
                for code in registry.resolve([selector]):
                    severity[code] = Severity(level)
            for code, values in override.rules.items():
                options.setdefault(code, {}).update(values)
        codes = _apply(codes, self.cli.select, self.cli.extend_select, self.cli.ignore)
        for li, i in ignores:
            codes -= layers[li].per_file_ignores[i][1]
        schema = self._schema(layers, overrides, schema_at)
        active = []
        for rule in registry.all_rules():
            if rule.code not in codes:
                continue
            opts = self._rule_options(rule, options.get(rule.code, {}), schema, site)
            active.append(ActiveRule(rule, severity.get(rule.code, rule.severity), opts))
        return tuple(active)

    @staticmethod
    def _schema(layers: list[Layer], overrides: list[Override], at: tuple[Any, ...] | None) -> dict[str, Any] | None:
        if at is None:
            return None
        if at[0] == "override":
            override = next(o for o in overrides if o.index == at[1])
            return load_schema(override.base / str(override.table.schema_), override.where)
        schema: dict[str, Any] = layers[at[0]].schemas[at[1]][1]
        return schema

    def _rule_options(
        self, rule: registry.Rule, values: dict[str, Any], schema: dict[str, Any] | None, site: SiteTable
    ) -> registry.RuleOptions:
        from seo_lint import registry

        fields = rule.options.model_fields
        values = dict(values)
        explicit_schema = values.pop("schema", None) if "schema" in fields else None
        key = (rule.code, json.dumps(values, sort_keys=True, default=str))
        if key not in self._options:
            self._options[key] = registry.build_options(rule, values)
        opts = self._options[key]
        update: dict[str, Any] = {}
        if "schema" in fields and (explicit_schema is not None or schema is not None):
            update["schema"] = explicit_schema if explicit_schema is not None else schema
        if "posts_dirs" in fields and site.posts_dir and "posts-dirs" not in values and "posts_dirs" not in values:
            current = tuple(getattr(opts, "posts_dirs"))  # noqa: B009 - not every options model has it
            posts_dir = site.posts_dir.strip("/")
            if posts_dir not in current:
                update["posts_dirs"] = (*current, posts_dir)
        return opts.model_copy(update=update) if update else opts


def _base_url(generator: str, data: Mapping[str, Any]) -> str | None:
    if generator == "jekyll" and isinstance(data.get("url"), str):
        base = data.get("baseurl")
        return str(data["url"]).rstrip("/") + (("/" + base.strip("/")) if isinstance(base, str) and base.strip("/") else "")
    value = data.get("baseURL") or data.get("baseurl")
    return str(value).rstrip("/") if isinstance(value, str) else None
