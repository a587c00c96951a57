"""The `seo-lint` command: paths are the argument, every action is an option.

A folder called `rules/` is a path, never a command, so `--list-rules`, `--explain` and
`--init` are options. Every error is one line on stderr (`seo-lint: error: ...`) and exit
code 2; nothing the user types can produce a traceback.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from seo_lint import __version__, reporters
from seo_lint.config import FAIL_ON, CliOptions, Resolver
from seo_lint.discover import STDIN, UsageError
from seo_lint.findings import Severity
from seo_lint.reporters import ReportContext
from seo_lint.runner import Outcome, Request, Runner

if TYPE_CHECKING:
    from seo_lint.registry import Rule

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "junit")


def _error(message: str) -> None:
    text = " ".join(str(message).split())  # always one line
    click.echo(f"seo-lint: error: {text}", err=True)


class _Command(click.Command):
    """Turns every failure into one line on stderr and exit code 2."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            code = super().main(args, prog_name or "seo-lint", complete_var, standalone_mode=False, **extra)
        except click.ClickException as error:
            _error(error.format_message())
            code = 2
        except UsageError as error:
            _error(str(error))
            code = 2
        except (click.Abort, KeyboardInterrupt):
            _error("interrupted")
            code = 130
        except BrokenPipeError:
            _silence_pipes()
            code = 0
        except Exception as error:  # noqa: BLE001 - never a traceback
            _error(f"unexpected {type(error).__name__}: {error} (please report this bug)")
            code = 2
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _silence_pipes() -> bool:
    """After a closed pipe (`seo-lint | head`), keep Python from complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
    return True


def _split(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@click.command(cls=_Command, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("paths", nargs=-1)
@click.option("--list-rules", is_flag=True, help="List every rule (code, name, severity, fixable, summary).")
@click.option("--explain", metavar="RULE", help="Print a rule's documentation (code or name).")
@click.option("--init", "init_", is_flag=True, help="Write a starter config (pyproject.toml or .seo-lint.toml).")
@click.option("--format", "fmt", default="text", metavar="FORMAT", show_default=True,
              help="Output format: " + ", ".join(FORMATS) + ".")
@click.option("--output-file", "-o", metavar="FILE", help="Write the report to FILE instead of stdout.")
@click.option("--statistics", is_flag=True, help="Show the number of findings per rule.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary or hints.")
@click.option("--color/--no-color", default=None, help="Colour the output (default: when stdout is a terminal "
              "and NO_COLOR is unset).")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules (codes, names, prefixes, ALL).")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Add rules to the selection.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Remove rules from the selection.")
@click.option("--config", metavar="PATH", help="Use this config file for every file.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--root", metavar="DIR", help="The site root for site rules (default: the config file's folder).")
@click.option("--fix", is_flag=True, help="Apply safe fixes.")
@click.option("--unsafe-fixes", is_flag=True, help="Apply unsafe fixes too (implies --fix; with --diff, shows them).")
@click.option("--diff", is_flag=True, help="Print the diff --fix would apply; write nothing.")
@click.option("--fail-on", metavar="LEVEL", help="Exit 1 for findings at or above: error (default), warning, "
              "info, never.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (2 still means the tool failed).")
@click.option("--stdin-filename", metavar="PATH", help="The name of the file read from stdin (`-`).")
@click.option("--language", metavar="LANG", help="Language of posts that declare none (ja, en, ...).")
@click.option("--jobs", "-j", type=int, metavar="N", help="Processes to lint with (default: the number of CPUs; "
              "small runs use one).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option("--cache-dir", metavar="DIR", help="Where the cache lives (default: .seo-lint-cache next to the "
              "config file, else in the site root).")
@click.option("--version", is_flag=True, help="Show the version and exit.")
def cli(paths: tuple[str, ...], **opts: Any) -> int:
    """Lint static-site posts (Markdown/HTML with front matter) for SEO and content defects.

    PATHS are files or folders (default: the current folder); `-` reads stdin.
    """
    if opts["version"]:
        click.echo(f"seo-lint {__version__}")
        return 0
    if opts["list_rules"]:
        _list_rules(sys.stdout)
        return 0
    if opts["explain"]:
        return _explain(opts["explain"])
    if opts["init_"]:
        path, text = _init(Path.cwd())
        click.echo(f"Wrote to {path.name}:\n\n{text}", nl=False)
        return 0
    return _lint(paths, opts)


def _init(folder: Path) -> tuple[Path, str]:
    from seo_lint.init import write_starter

    return write_starter(folder)


# --- rules ---------------------------------------------------------------------------------


def _list_rules(out: TextIO) -> None:
    from seo_lint import registry

    rows = [(r.code, r.name, r.severity.value, r.fix.value, r.summary) for r in registry.all_rules()]
    header = ("CODE", "NAME", "SEVERITY", "FIX", "SUMMARY")
    if out.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*header)
        for row in rows:
            table.add_row(*row)
        Console(file=out).print(table)
        return
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)]
        out.write("  ".join([*cells, row[4]]).rstrip() + "\n")


def _explain(identifier: str) -> int:
    from seo_lint import registry

    rule = registry.get(identifier)
    if rule is None:
        raise UsageError(f'unknown rule "{identifier}" (see seo-lint --list-rules)')
    click.echo(f"{rule.code} {rule.name} ({rule.severity.value}, fix: {rule.fix.value})\n")
    click.echo(rule.doc)
    return 0


# --- linting -------------------------------------------------------------------------------


def _use_color(option: bool | None, output_file: str | None) -> bool:
    if option is not None:
        return option
    if os.environ.get("NO_COLOR") or output_file:
        return False
    return sys.stdout.isatty()


def _reporter_name(fmt: str) -> str:
    if fmt not in FORMATS:
        raise UsageError(f'unknown format "{fmt}" (valid: {", ".join(FORMATS)})')
    try:
        reporters.get(fmt)  # imports that reporter only
    except KeyError:
        pass
    else:
        return fmt
    available = reporters.names()
    if fmt == "text":
        return "concise"  # until the text reporter exists
    raise UsageError(f'format "{fmt}" is not available in this version (available: {", ".join(available)})')


def _lint(paths: tuple[str, ...], opts: dict[str, Any]) -> int:
    fail_on = opts["fail_on"]
    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(f'bad value for --fail-on: "{fail_on}" (valid: {", ".join(FAIL_ON)})')
    reporter = _reporter_name(opts["fmt"])
    if not paths:
        paths = (STDIN,) if opts["stdin_filename"] else (".",)
    select = _split(opts["select"]) if opts["select"] else None
    resolver = Resolver(CliOptions(
        config=Path(opts["config"]) if opts["config"] else None,
        isolated=opts["isolated"],
        select=select,
        extend_select=_split(opts["extend_select"]),
        ignore=_split(opts["ignore"]),
        language=opts["language"],
        root=Path(opts["root"]) if opts["root"] else None,
        fail_on=fail_on,
    ))
    if opts["output_file"]:
        _check_writable(opts["output_file"])  # fail before any work (or any fix) is done
    stdin = sys.stdin.buffer if STDIN in paths else None
    fix = opts["fix"] or opts["unsafe_fixes"]
    request = Request(paths, stdin, opts["stdin_filename"], fix, opts["unsafe_fixes"], opts["diff"])
    jobs = opts["jobs"]
    if jobs is not None and jobs < 1:
        raise UsageError(f"bad value for --jobs: {jobs} (at least 1)")
    cache_dir = Path(opts["cache_dir"]) if opts["cache_dir"] and not opts["no_cache"] else None
    runner = Runner(resolver, jobs=jobs, cache_dir=cache_dir, use_cache=not opts["no_cache"], progress=_progress())
    outcome = runner.run(request)
    quiet = opts["quiet"]
    if opts["diff"]:
        _print_diffs(outcome, quiet)
    else:
        if outcome.stdin_output is not None:
            _write_bytes(outcome.stdin_output)
        _report(outcome, reporter, opts, to_stderr=outcome.stdin_output is not None)
        runner.save_cache()  # a cached result found damaged while reporting was dropped
        if outcome.fixed and not quiet and reporter != "text":
            noun = "finding" if outcome.fixed == 1 else "findings"
            click.echo(f"Fixed {outcome.fixed} {noun}.", err=True)
    for message in outcome.errors:
        _error(message)
    return exit_code(outcome, resolver.fail_on(), opts["exit_zero"], opts["diff"])


class _ProgressBar:
    """A rich progress bar on stderr, shown only for runs long enough to need one."""

    MIN_FILES = 500

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None

    def start(self, total: int) -> None:
        if total < self.MIN_FILES:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(TextColumn("Linting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                             console=Console(file=sys.stderr), transient=True)
        self._task = self._bar.add_task("lint", total=total)
        self._bar.start()

    def advance(self, count: int = 1) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, count)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _progress() -> _ProgressBar | None:
    """A progress bar when stderr is a terminal, outside CI (never in pipes or logs)."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return None
    try:
        return _ProgressBar() if sys.stderr.isatty() else None
    except (AttributeError, ValueError):
        return None


def _check_writable(path: str) -> None:
    try:
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError as error:
        raise UsageError(f'cannot write --output-file "{path}": {error.strerror or error}') from None


def _write_bytes(data: bytes) -> None:
    """Write bytes to stdout as they are (the fixed text of stdin)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8", "replace"))
        return
    buffer.write(data)
    buffer.flush()


def exit_code(outcome: Outcome, fail_on: str, exit_zero: bool, diff: bool) -> int:
    counts, crashed = outcome.totals()
    if outcome.errors or crashed:
        return 2
    if exit_zero:
        return 0
    if diff:
        return 1 if outcome.diffs else 0
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return 1 if any(count and severity.rank >= threshold for severity, count in counts.items()) else 0


def _print_diffs(outcome: Outcome, quiet: bool) -> None:
    for diff in outcome.diffs:
        sys.stdout.write(diff)
    if quiet:
        return
    if outcome.diffs:
        files = "file" if len(outcome.diffs) == 1 else "files"
        noun = "fix" if outcome.fixed == 1 else "fixes"
        click.echo(f"Would apply {outcome.fixed} {noun} to {len(outcome.diffs)} {files}.", err=True)
    else:
        click.echo("No fixes to apply.", err=True)


class _Rules(Mapping[str, "Rule"]):
    """Every rule by code, imported when a reporter first asks (concise never does)."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] | None = None

    def _all(self) -> dict[str, Rule]:
        if self._rules is None:
            from seo_lint import registry

            self._rules = {rule.code: rule for rule in registry.all_rules()}
        return self._rules

    def __getitem__(self, code: str) -> Rule:
        return self._all()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _report(outcome: Outcome, name: str, opts: dict[str, Any], to_stderr: bool) -> None:
    context = ReportContext(
        rules=_Rules(),
        sources=outcome.sources,
        color=_use_color(opts["color"], opts["output_file"]),
        files_checked=outcome.files,
        fixed=outcome.fixed,
        root=".",
        statistics=opts["statistics"],
        tool_version=__version__,
        show_fix_hint=not opts["quiet"],
        unsafe_fixes=opts["unsafe_fixes"],
        paths=tuple(outcome.paths),
    )
    render = reporters.get(name)
    if opts["output_file"]:
        try:
            with open(opts["output_file"], "w", encoding="utf-8", newline="") as out:
                render(outcome.findings, out, context)
        except OSError as error:
            raise UsageError(f'cannot write --output-file "{opts["output_file"]}": {error.strerror or error}') from None
        return
    render(outcome.findings, sys.stderr if to_stderr else sys.stdout, context)


def main() -> None:
    """Console script entry point."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    cli()
