"""The tables of a config file, as pydantic models (imported only when a config file is loaded)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Level = Literal["error", "warning", "info"]


def _kebab(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


class _Table(BaseModel):
    model_config = ConfigDict(alias_generator=_kebab, extra="forbid", frozen=True, strict=True)


class SiteTable(_Table):
    generator: Literal["jekyll", "hugo", "generic"] | None = None
    title_is_h1: bool | None = None
    timezone: str | None = None
    base_url: str | None = None
    posts_dir: str | None = None
    image_fields: list[str] | None = None


class OverrideTable(_Table):
    files: list[str] = Field(min_length=1)
    select: list[str] | None = None
    extend_select: list[str] | None = None
    ignore: list[str] | None = None
    severity: dict[str, Level] = {}
    rules: dict[str, dict[str, Any]] = {}
    language: str | None = None
    schema_: str | None = Field(default=None, alias="schema")


class ConfigTable(_Table):
    extend: str | None = None
    select: list[str] | None = None
    extend_select: list[str] | None = None
    ignore: list[str] | None = None
    per_file_ignores: dict[str, list[str]] = {}
    severity: dict[str, Level] = {}
    rules: dict[str, dict[str, Any]] = {}
    overrides: list[OverrideTable] = []
    schema_: str | dict[str, str] | None = Field(default=None, alias="schema")
    language: str | None = None
    include: list[str] | None = None
    exclude: list[str] | None = None
    max_file_size: int | None = Field(default=None, gt=0)
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    site: SiteTable = SiteTable()

    @field_validator("schema_", mode="before")
    @classmethod
    def _schema_shape(cls, value: Any) -> Any:
        if isinstance(value, str) or (
            isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        ):
            return value
        raise ValueError("expected a path, or a table of glob = path")
