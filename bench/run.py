"""The seo-lint benchmark: run seo-lint and its yardsticks side by side and print a table.

    python bench/run.py                 # 4,000 posts, 3 alternating repeats
    python bench/run.py --quick         # 200 posts, 1 repeat: checks that the harness works
    python bench/run.py --scale up      # also 4,000 vs 40,000 posts (about 700 MB more disk)

Commands, each run `--repeat` times, alternately (round 1: all commands, round 2: ...):

  markdownlint-cli2   the peer, default rules (as warnings, so it exits 0), same files
  parse floor         bench/floor.py: read + split front matter + seo_lint.markdown.parse
  parse floor (raw)   bench/floor.py --raw: libyaml + pyromark events only (information)
  seo-lint cold       --no-cache --jobs 2 when those options exist
  seo-lint warm       a second run with the cache (when there is a cache)
  read+hash floor     bench/hashfloor.py: read and hash every post
  one changed file    warm cache, one post edited before the run (restored after)
  scaling             seo-lint cold on a corpus 10x larger (or smaller), with --scale

For every run: wall time, CPU time (user+sys of the whole process tree, from os.wait4 and
/proc), and the peak of the tree's summed RSS (and PSS), polled from /proc every 20 ms.
The table shows medians (wall, CPU) and maxima (memory), then the issue's targets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work"
PEER = WORK / "peer"
sys.path.insert(0, str(BENCH))
import generate

PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")
MB = 1024 * 1024


# --- measuring one run ------------------------------------------------------------------------


class TreePoller(threading.Thread):
    """Polls /proc for a process and all its descendants: summed RSS and PSS, CPU per pid."""

    def __init__(self, root: int, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.interval = interval
        self.done = threading.Event()
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_procs = 0
        self.cpu: dict[int, float] = {}  # pid -> last seen utime+stime (own, seconds)

    def run(self) -> None:
        while True:
            self.sample()
            if self.done.wait(self.interval):
                return

    def stop(self) -> None:
        self.done.set()
        self.join()

    def tree(self) -> list[int]:
        pids, stack = [], [self.root]
        while stack:
            pid = stack.pop()
            pids.append(pid)
            try:
                tids = os.listdir(f"/proc/{pid}/task")
            except OSError:
                continue
            for tid in tids:
                try:
                    with open(f"/proc/{pid}/task/{tid}/children") as handle:
                        stack.extend(int(child) for child in handle.read().split())
                except OSError:
                    pass
        return pids

    def sample(self) -> None:
        rss = pss = procs = 0
        for pid in self.tree():
            try:
                with open(f"/proc/{pid}/stat") as handle:
                    stat = handle.read()
                fields = stat[stat.rindex(")") + 2 :].split()
                if fields[0] == "Z":
                    continue
                self.cpu[pid] = (int(fields[11]) + int(fields[12])) / TICK
                with open(f"/proc/{pid}/statm") as handle:
                    rss += int(handle.read().split()[1]) * PAGE
                with open(f"/proc/{pid}/smaps_rollup") as handle:
                    for line in handle:
                        if line.startswith("Pss:"):
                            pss += int(line.split()[1]) * 1024
                            break
                procs += 1
            except (OSError, ValueError, IndexError):
                continue
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_procs = max(self.peak_procs, procs)


@dataclass
class Sample:
    wall: float
    cpu: float
    rss: int
    pss: int
    procs: int
    code: int
    lines: int


@dataclass
class Command:
    key: str
    label: str
    argv: list[str]
    cwd: Path
    ok: tuple[int, ...] = (0,)
    before: Callable[[int], None] | None = None  # called with the round number, untimed
    after: Callable[[int], None] | None = None
    samples: list[Sample] = field(default_factory=list)

    def median(self, attr: str) -> float:
        values = [getattr(s, attr) for s in self.samples]
        return statistics.median(values) if values else float("nan")

    def peak(self, attr: str) -> int:
        return max((getattr(s, attr) for s in self.samples), default=0)

    @property
    def failed(self) -> bool:
        return any(s.code not in self.ok for s in self.samples)


def measure(command: Command, out: Path, err: Path, env: dict[str, str]) -> Sample:
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        started = time.perf_counter()
        proc = subprocess.Popen(command.argv, cwd=command.cwd, stdout=stdout, stderr=stderr, env=env)
        poller = TreePoller(proc.pid)
        poller.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        poller.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)
    # wait4 counts the root and every descendant it reaped; /proc also sees any it did not.
    cpu = max(usage.ru_utime + usage.ru_stime, sum(poller.cpu.values()))
    rss = max(poller.peak_rss, usage.ru_maxrss * 1024)
    lines = 0
    for path in (out, err):
        with open(path, "rb") as handle:
            lines += sum(1 for _ in handle)
    return Sample(wall, cpu, rss, max(poller.peak_pss, 0), poller.peak_procs, proc.returncode, lines)


def run_once(command: Command, round_no: int, env: dict[str, str], log: Callable[[str], None]) -> Sample:
    if command.before is not None:
        command.before(round_no)
    out = WORK / "out" / f"{command.key}.out"
    err = WORK / "out" / f"{command.key}.err"
    try:
        sample = measure(command, out, err, env)
    finally:
        if command.after is not None:
            command.after(round_no)
    command.samples.append(sample)
    status = "" if sample.code in command.ok else f"  EXIT {sample.code}: {tail(err)}"
    log(f"  {command.label:<34} {sample.wall:8.2f} s  cpu {sample.cpu:7.2f} s  "
        f"rss {sample.rss / MB:7.1f} MB  pss {sample.pss / MB:7.1f} MB  procs {sample.procs}{status}")
    return sample


def tail(path: Path, n: int = 400) -> str:
    text = path.read_text(errors="replace").strip()
    return text[-n:].replace("\n", " | ")


# --- the tools ----------------------------------------------------------------------------------


def sh(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[int, str]:
    try:
        proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=600, env=env, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return 127, str(error)
    return proc.returncode, (proc.stdout + proc.stderr).strip()


def install_peer(log: Callable[[str], None], reinstall: bool) -> Path:
    binary = PEER / "node_modules" / ".bin" / "markdownlint-cli2"
    if binary.exists() and not reinstall:
        return binary
    PEER.mkdir(parents=True, exist_ok=True)
    log(f"installing markdownlint-cli2 into {PEER.relative_to(REPO)} ...")
    code, text = sh(["npm", "install", "--prefix", str(PEER), "--no-audit", "--no-fund", "markdownlint-cli2"])
    if code != 0 or not binary.exists():
        raise SystemExit(f"npm install markdownlint-cli2 failed:\n{text}")
    return binary


def peer_version() -> str:
    try:
        package = json.loads((PEER / "node_modules" / "markdownlint-cli2" / "package.json").read_text())
        core = json.loads((PEER / "node_modules" / "markdownlint" / "package.json").read_text())
        return f"markdownlint-cli2 {package['version']} (markdownlint {core['version']})"
    except (OSError, ValueError, KeyError):
        return "markdownlint-cli2 (unknown version)"


def markdownlint_config() -> Path:
    """Default rules, reported as warnings so that findings do not fail the run; no banner."""
    path = WORK / "markdownlint-cli2.jsonc"
    path.write_text(json.dumps({"config": {"default": "warning"}, "noBanner": True, "noProgress": True}, indent=2))
    return path


def find_seo_lint() -> str | None:
    local = Path(sys.executable).parent / "seo-lint"
    return str(local) if local.exists() else shutil.which("seo-lint")


@dataclass
class SeoLint:
    """How to call seo-lint here: the CLI and the options it has, or the kernel fallback."""

    argv: list[str]
    label: str
    jobs: bool = False
    no_cache: bool = False
    cache_dir: bool = False
    version: str = ""

    @property
    def has_cache(self) -> bool:
        return self.no_cache


def detect_seo_lint(extra: list[str], env: dict[str, str]) -> SeoLint:
    exe = find_seo_lint()
    code, text = sh([exe, "--help"], env=env) if exe else (127, "not found")
    if code != 0:
        return SeoLint([sys.executable, str(BENCH / "kernelrun.py"), "."], "seo-lint kernel (no CLI)",
                       version="kernel only")
    assert exe is not None
    version = sh([exe, "--version"], env=env)[1].splitlines()[0] if "--version" in text else "?"
    fmt = ["--format", "concise"] if "concise" in text else []
    return SeoLint([exe, "_posts", *fmt, *extra], "seo-lint", "--jobs" in text, "--no-cache" in text,
                   "--cache-dir" in text, version)


# --- context ------------------------------------------------------------------------------------


def git(*args: str) -> str:
    return sh(["git", *args], cwd=REPO)[1]


def snapshot(ref: str) -> tuple[Path, str]:
    """`seo_lint/` as committed at `ref`, extracted once into bench/.work/snapshot/COMMIT/.

    Run with PYTHONPATH pointing there, every command imports the same code for the whole
    benchmark, whatever happens to the work tree meanwhile (and the cache, whose key includes
    the package's files, stays valid between rounds).
    """
    commit = git("rev-parse", "--verify", f"{ref}^{{commit}}")
    if len(commit) != 40:
        raise SystemExit(f"not a commit: {ref}: {commit}")
    dest = WORK / "snapshot" / commit[:12]
    if not (dest / "seo_lint" / "__init__.py").exists():
        dest.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", "--format=tar", commit, "seo_lint"], cwd=REPO,
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    # Compiled once here: timed runs (PYTHONDONTWRITEBYTECODE=1 in some environments, or a
    # read-only snapshot) would otherwise compile every module on every run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(dest / "seo_lint")], check=True,
                   stdout=subprocess.DEVNULL, env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    return dest, commit


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
        mem_gb = int(mem.split()[1]) / 1024 / 1024
    except (OSError, StopIteration):
        mem_gb = 0
    return f"{os.cpu_count()} cores ({model}), {mem_gb:.0f} GB RAM, {platform.system()} {platform.release()}"


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# --- the benchmark ------------------------------------------------------------------------------


def fmt_s(x: float) -> str:
    if math.isnan(x):
        return "n/a"
    return f"{x:.2f} s" if x >= 1 else f"{x:.3f} s" if x >= 0.1 else f"{x * 1000:.0f} ms"


def fmt_mb(b: int) -> str:
    return f"{b / MB:.0f} MB" if b else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="seo-lint benchmark", formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__)
    parser.add_argument("--posts", type=int, default=generate.DEFAULT_POSTS)
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="seo-lint --jobs (when it exists)")
    parser.add_argument("--quick", action="store_true", help="200 posts, 1 repeat")
    parser.add_argument("--scale", choices=("none", "up", "down"), default="none",
                        help="also time a corpus 10x larger (up) or smaller (down)")
    parser.add_argument("--only", help="comma-separated command keys (mdl,floor,raw,cold,warm,hash,startup,changed)")
    parser.add_argument("--seo-lint-args", default="", help="extra arguments for seo-lint (quoted)")
    parser.add_argument("--no-identity-check", action="store_true",
                        help="skip the check that cold --jobs 1, cold --jobs N and warm print the same")
    parser.add_argument("--reinstall", action="store_true", help="reinstall markdownlint-cli2")
    parser.add_argument("--ref", default="HEAD", help="measure seo_lint/ as committed at this git ref (default HEAD)")
    parser.add_argument("--live", action="store_true",
                        help="measure the work tree's seo_lint/ as it is (changes under way included)")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    args = parser.parse_args(argv)
    if args.quick:
        args.posts, args.repeat = (200 if args.posts == generate.DEFAULT_POSTS else args.posts), 1

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    (WORK / "out").mkdir(parents=True, exist_ok=True)
    command_line = "python bench/run.py " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    started_at = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    env = dict(os.environ, NO_COLOR="1")
    if args.live:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "seo_lint")], check=False,
                       stdout=subprocess.DEVNULL, env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
        commit = git("rev-parse", "--short", "HEAD") + (" + uncommitted changes in seo_lint/ (--live)"
                                                        if git("status", "--porcelain", "--", "seo_lint") else " (--live)")
    else:
        where, full = snapshot(args.ref)
        env["PYTHONPATH"] = str(where) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        commit = f"{full[:10]} (seo_lint/ snapshot in {where.relative_to(REPO)})"
    load_before = loadavg()

    manifest = generate.generate(args.posts, args.seed)
    site = generate.corpus_dir(args.posts, args.seed) / "site"
    log(f"corpus: {site.relative_to(REPO)} ({manifest['posts']:,} posts, {manifest['bytes'] / 1e6:.1f} MB)")
    mdl_bin = install_peer(log, args.reinstall)
    seo = detect_seo_lint(shlex.split(args.seo_lint_args), env)
    log("seo_lint imported from " + sh([sys.executable, "-c", "import seo_lint; print(seo_lint.__file__)"],
                                       cwd=site, env=env)[1])
    py = sys.executable
    cache_dir = WORK / "cache" / site.parent.name

    def seo_argv(cold: bool, jobs: int | None = None) -> list[str]:
        argv_ = list(seo.argv)
        if seo.jobs:
            argv_ += ["--jobs", str(jobs or args.jobs)]
        if cold and seo.no_cache:
            argv_.append("--no-cache")
        elif seo.cache_dir:
            argv_ += ["--cache-dir", str(cache_dir)]
        return argv_

    posts = sorted((site / "_posts").glob("*.md"))
    victim = posts[len(posts) // 2]
    original = victim.read_bytes()

    def edit(round_no: int) -> None:
        victim.write_bytes(original + f"\nbench edit {round_no}: one more sentence.\n".encode())

    def restore(round_no: int) -> None:
        victim.write_bytes(original)
        if seo.has_cache:  # re-prime, so that the next warm run is warm again
            subprocess.run(seo_argv(False), cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                           check=False)

    commands = [
        Command("mdl", "markdownlint-cli2 (default rules)",
                [str(mdl_bin), "--config", str(markdownlint_config()), "_posts/**/*.md"], site, ok=(0, 1)),
        Command("floor", "parse floor (bench/floor.py)", [py, str(BENCH / "floor.py"), "."], site),
        Command("raw", "parse floor, raw libraries (info)", [py, str(BENCH / "floor.py"), "--raw", "."], site),
        Command("cold", f"{seo.label} cold" + (f" --jobs {args.jobs}" if seo.jobs else ""), seo_argv(True), site,
                ok=(0, 1)),
    ]
    if seo.has_cache:
        commands.append(Command("warm", f"{seo.label} warm", seo_argv(False), site, ok=(0, 1)))
    commands.append(Command("hash", "read+hash floor (bench/hashfloor.py)", [py, str(BENCH / "hashfloor.py"), "."], site))
    if seo.version != "kernel only":
        commands.append(Command("startup", f"{seo.label} --version (start-up, info)", [seo.argv[0], "--version"], site))
    if seo.has_cache:
        commands.append(Command("changed", f"{seo.label} warm, 1 file changed", seo_argv(False), site, ok=(0, 1),
                                before=edit, after=restore))
    if args.only:
        keep = set(args.only.split(","))
        commands = [c for c in commands if c.key in keep]

    scale: list[Command] = []
    scale_note = ""
    if args.scale != "none":
        other = args.posts * 10 if args.scale == "up" else max(1, args.posts // 10)
        need = int(other * 17_500 * 1.5) + 200 * MB
        free = shutil.disk_usage(BENCH).free
        if not generate.corpus_dir(other, args.seed).joinpath("manifest.json").exists() and free < need:
            scale_note = f"scaling skipped: {free / 1e9:.1f} GB free, {need / 1e9:.1f} GB needed"
            log(scale_note)
        else:
            generate.generate(other, args.seed)
            where = generate.corpus_dir(other, args.seed) / "site"
            scale.append(Command(f"scale-{other}", f"{seo.label} cold, {other:,} posts", seo_argv(True), where,
                                 ok=(0, 1)))

    if seo.has_cache and any(c.key in ("warm", "changed") for c in commands):
        log("priming the cache (untimed) ...")
        subprocess.run(seo_argv(False), cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                           check=False)

    try:
        for round_no in range(1, args.repeat + 1):
            log(f"round {round_no}/{args.repeat} (load average {loadavg()})")
            for command in commands + scale:
                run_once(command, round_no, env, log)
    finally:
        victim.write_bytes(original)

    identity = ""
    if not args.no_identity_check and seo.jobs and any(c.key == "cold" for c in commands):
        log("identity check: seo-lint cold --jobs 1 (untimed) ...")
        one = WORK / "out" / "cold-jobs1.out"
        with open(one, "wb") as handle:
            subprocess.run(seo_argv(True, jobs=1), cwd=site, stdout=handle, stderr=subprocess.DEVNULL, env=env,
                           check=False)
        reference = one.read_bytes()
        same = {key: (WORK / "out" / f"{key}.out").read_bytes() == reference
                for key in ("cold", "warm") if any(c.key == key for c in commands)}
        identity = ", ".join(f"{k} {'identical' if v else 'DIFFERENT'}" for k, v in same.items())
        identity = f"output vs cold --jobs 1: {identity}"

    report = render(args, commands, scale, seo, manifest, site, command_line, f"{started_at}; commit {commit}",
                    load_before, identity, scale_note)
    print(report)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (WORK / f"results-{stamp}.md").write_text(report)
    (WORK / f"results-{stamp}.json").write_text(json.dumps(
        {c.key: [s.__dict__ for s in c.samples] for c in commands + scale}, indent=1))
    if args.output:
        args.output.write_text(report)
    return 1 if any(c.failed for c in commands + scale) else 0


def render(args: argparse.Namespace, commands: list[Command], scale: list[Command], seo: SeoLint,
           manifest: dict[str, object], site: Path, command_line: str, started_at: str, load_before: str,
           identity: str, scale_note: str) -> str:
    by = {c.key: c for c in commands}
    lines = [
        f"Command: `{command_line}`  ",
        f"Date: {started_at} at the start; `seo-lint --version`: {seo.version}  ",
        f"Machine: {machine()}; load average {load_before} before, {loadavg()} after  ",
        f"Python {platform.python_version()}; node {sh(['node', '--version'])[1]}; {peer_version()}  ",
        (f"Corpus: {manifest['posts']:,} posts ({manifest['ja']:,} ja, {manifest['en']:,} en), "
         f"{manifest['bytes'] / 1e6:.1f} MB, seed {manifest['seed']} ({site.relative_to(REPO)})  "),
        f"seo-lint runs as: `{' '.join(Path(a).name if i == 0 else a for i, a in enumerate(by['cold'].argv))}`"
        if "cold" in by else "",
        "",
        "| command | wall (median) | CPU user+sys (median) | peak RSS, tree | peak PSS, tree | procs | runs | exit | output lines (stdout+stderr) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for c in commands + scale:
        codes = sorted({s.code for s in c.samples})
        lines.append(
            f"| {c.label} | {fmt_s(c.median('wall'))} | {fmt_s(c.median('cpu'))} | {fmt_mb(c.peak('rss'))} | "
            f"{fmt_mb(c.peak('pss'))} | {c.peak('procs')} | {len(c.samples)} | {','.join(map(str, codes))} | "
            f"{c.samples[-1].lines if c.samples else 0:,} |"
        )
    lines += ["", "| target (issue 7) | measured | limit | result |", "|---|---:|---:|:---:|"]

    def row(name: str, measured: str, limit: str, ok: bool | None) -> None:
        result = "info" if ok is None else ("PASS" if ok else "FAIL")
        lines.append(f"| {name} | {measured} | {limit} | {result} |")

    def ratio(a: str, b: str) -> float | None:
        if a in by and b in by and by[a].samples and by[b].samples:
            return by[a].median("wall") / by[b].median("wall")
        return None

    cold = by.get("cold")
    r = ratio("cold", "mdl")
    if r is not None:
        row("cold run vs markdownlint-cli2 (wall)", f"{r:.2f}× ({fmt_s(by['cold'].median('wall'))} vs "
            f"{fmt_s(by['mdl'].median('wall'))})", "≤ 0.10×", r <= 0.10)
    r = ratio("cold", "floor")
    if r is not None:
        row("cold run vs parse floor (wall)", f"{r:.2f}× ({fmt_s(by['floor'].median('wall'))} floor)", "≤ 2.5×", r <= 2.5)
    for other, name in (("mdl", "markdownlint-cli2"), ("floor", "parse floor")):
        if cold is not None and other in by and cold.samples and by[other].samples:
            r = cold.median("cpu") / by[other].median("cpu")
            row(f"cold run vs {name} (CPU; information, less noisy on a shared machine)",
                f"{r:.2f}× ({fmt_s(cold.median('cpu'))} vs {fmt_s(by[other].median('cpu'))})", "", None)
    if "warm" in by:
        w = by["warm"].median("wall")
        row("warm run, nothing changed (wall)", fmt_s(w), "≤ 0.5 s", w <= 0.5)
        r = ratio("warm", "hash")
        if r is not None:
            row("warm run vs read+hash floor (wall)", f"{r:.2f}× ({fmt_s(by['hash'].median('wall'))} floor)", "≤ 3×",
                r <= 3)
    elif not seo.has_cache:
        row("warm run (wall)", "no cache in seo-lint yet", "≤ 0.5 s, ≤ 3× hash floor", False)
    if "changed" in by:
        row("one changed file in a warm corpus (wall)",
            f"{fmt_s(by['changed'].median('wall'))} (warm {fmt_s(by['warm'].median('wall'))})" if "warm" in by
            else fmt_s(by["changed"].median("wall")),
            "re-lint 1 file + site rules", None)
    for key in ("cold", "warm", "changed"):
        if key in by:
            peak = by[key].peak("rss")
            row(f"peak RSS of the process tree, {by[key].label}", f"{fmt_mb(peak)} (PSS {fmt_mb(by[key].peak('pss'))})",
                "≤ 150 MB", peak <= 150 * MB)
    if scale and cold is not None and cold.samples and scale[0].samples:
        pair = sorted([(int(manifest["posts"]), cold), (int(scale[0].key.split("-")[1]), scale[0])],  # type: ignore[call-overload]
                      key=lambda p: p[0])
        (n_small, small), (n_big, big) = pair
        r = big.median("wall") / small.median("wall")
        row(f"scaling: {n_big:,} vs {n_small:,} posts (wall)", f"{r:.2f}× ({fmt_s(big.median('wall'))} vs "
            f"{fmt_s(small.median('wall'))})", "≤ 10.5×", r <= 10.5)
        r = big.median("cpu") / small.median("cpu")
        row(f"scaling: {n_big:,} vs {n_small:,} posts (CPU; information)", f"{r:.2f}× ({fmt_s(big.median('cpu'))} vs "
            f"{fmt_s(small.median('cpu'))})", "", None)
        growth = big.peak("rss") / max(small.peak("rss"), 1)
        row(f"peak RSS at {n_big:,} vs {n_small:,} posts", f"{fmt_mb(big.peak('rss'))} vs {fmt_mb(small.peak('rss'))} "
            f"({growth:.2f}×)", "≤ 150 MB, same (≤ 1.2×)", big.peak("rss") <= 150 * MB and growth <= 1.2)
    elif scale_note:
        row("scaling 10×", scale_note, "≤ 10.5×", None)
    notes = []
    if identity:
        notes.append(identity)
    if cold is not None and not seo.jobs:
        notes.append("seo-lint has no --jobs yet: the cold run uses its default (one process)")
    if not seo.has_cache:
        notes.append("seo-lint has no --no-cache/cache yet: warm and one-changed-file runs are not measured")
    lines += [""] + [f"- {n}" for n in notes]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    sys.exit(main())
