#!/usr/bin/env python3
"""folio's benchmark (issue 5, "Speed"): one run, side by side on the same machine.

  1. Markdown pages without charts at 1k and 10k pages: folio vs Hugo (same corpus, minimal
     layouts) vs one `cmark --smart` run on the concatenation of every body (the floor).
  2. Charts: folio building N chart pages vs matplotlib drawing the same N SVG bar charts.
  3. Rebuilds at 1k pages (with a CSV per 10 pages and a chart per page): no-op, one-article
     edit, one-CSV edit, against the full build.
  4. One large dataset: a site whose only dataset is a ~20 MB CSV, read by one inline value
     (`[last]`) and nothing else; peak RSS against the file's size (reported, no target).
  5. The SQL stage: a 100,000-row CSV and a derived dataset (`by_region.sql`, a GROUP BY
     aggregate) drawn by one chart on one page, `folio build` vs the `sqlite3` shell doing
     `.import --csv` of the same file into a typed table and running the same SELECT, runs
     interleaved.  Two more folio builds split folio's time: the site with the query's result as
     a plain CSV (no SQL stage), and that without the big CSV (startup and the page).  folio's
     chart CSV must hold sqlite3's numbers.

  6. Pages from data (issue 16): a 10,000-row CSV (`entities.csv`, one row per firm) and one
     template page, `Content/entities/[entity].md` with `rows: entities`, making 10,000 pages,
     each with `{entity}` in its title, four `@entity`-pinned inline values and a table filtered
     by `where: {entity: "@entity"}`.  Debian's Hugo predates content adapters, so it builds the
     same 10,000 pages written out as Markdown files (the same text, the numbers filled in, the
     table in Markdown); the two clean builds are interleaved.  Then folio's no-op rebuild and a
     one-row edit (one firm's revenue in the CSV), against the full build, with the files each
     rewrote: the edit should re-render that firm's page only.

  7. Scale (opt-in, `--scale`, issue 14): 100,000 pages, one clean full build against the 10k
     build (linear), peak memory, the median no-op rebuild and one-article edit.

Every run is timed for wall time (monotonic clock around the process), CPU time (user+sys) and
peak RSS (both from `/usr/bin/time -v`); cheap runs are repeated and the median of each figure
is kept.  Each target of issues 5, 11, 14 and 16 is printed with its measured ratio and PASS/FAIL.  Exit
status is 0 even when targets fail (a benchmark reports), 1 when a run itself fails or folio's
derived dataset does not hold sqlite3's numbers.

Run it through `make bench`, which builds folio in release and installs hugo, cmark, sqlite3,
time and matplotlib first.  `--only sql` (or any of markdown, charts, rebuild, bigcsv, sql,
datapages, comma-separated) runs some sections only: `make bench BENCH_ARGS="--only sql"`.
Results also go to bench/out/results.{json,md}.
"""

import argparse
import csv
import datetime
import io
import math
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TIME = "/usr/bin/time"
MIB = 1024 * 1024
SECTIONS = ("markdown", "charts", "rebuild", "bigcsv", "sql", "datapages", "scale")
# Sections a plain run leaves out (minutes each): `--scale` or `--only scale` runs them.
OPT_IN = {"scale"}
# The SQL stage's target: folio's whole build (CSV read, table load, query, one page) within
# this multiple of the sqlite3 shell's import + query, wall time.  Why 2.5x: `.import` is the
# floor for loading a CSV into SQLite (one prepared INSERT, no checks), so folio's table load +
# query can cost about 1x; before it folio reads the CSV strictly into typed datasets (the run
# "without the SQL stage" minus the run "without the CSV": about 1x again), and a build of the
# page alone costs ~40 ms (0.3x at 100k rows).  2.3x is the sum; 2.5x leaves a little for noise.
SQL_FACTOR = 2.5
SQL_WHY = "sqlite3's import once for folio's strict CSV read, once for its table load + query, plus the page"


class RunFailed(Exception):
    pass


FAILURES = []


def log(msg):
    print(msg, flush=True)


def measure(cmd, cwd=None, env=None, stdout=subprocess.DEVNULL, timeout=600):
    """Runs cmd once under /usr/bin/time -v; returns wall, user, sys, cpu (s) and rss (MiB)."""
    fd, tfile = tempfile.mkstemp(prefix="bench-time-")
    os.close(fd)
    try:
        full_env = dict(os.environ, **(env or {}))
        t0 = time.perf_counter()
        p = subprocess.run([TIME, "-v", "-o", tfile] + cmd, cwd=cwd, env=full_env, stdout=stdout,
                           stderr=subprocess.PIPE, timeout=timeout)
        wall = time.perf_counter() - t0
        report = open(tfile).read()
    finally:
        os.unlink(tfile)
    if p.returncode != 0:
        raise RunFailed(f"{' '.join(cmd)} (in {cwd}) exited {p.returncode}: {p.stderr.decode(errors='replace')[-2000:]}")

    def field(name):
        m = re.search(re.escape(name) + r":\s*([0-9.]+)", report)
        if not m:
            raise RunFailed(f"no '{name}' in /usr/bin/time output: {report[-500:]}")
        return float(m.group(1))

    user, sys_ = field("User time (seconds)"), field("System time (seconds)")
    return {"wall": wall, "user": user, "sys": sys_, "cpu": user + sys_,
            "rss": field("Maximum resident set size (kbytes)") / 1024.0,
            "stdout": p.stdout.decode(errors="replace") if isinstance(p.stdout, bytes) else ""}


def median_runs(label, reps, prepare, cmd, **kw):
    """Runs prepare() then cmd, reps times; keeps the median of every figure."""
    runs = []
    for _ in range(reps):
        if prepare:
            prepare()
        runs.append(measure(cmd, **kw))
    return summarise(label, runs)


def interleaved_runs(specs, reps):
    """specs: (key, label, prepare, cmd, kw) tuples.  Runs each once per round, reps rounds, so
    a change in the machine's load falls on every command alike; the median of each figure per key.
    Each run starts after a `sync`, untimed."""
    runs = {key: [] for key, *_ in specs}
    for _ in range(reps):
        for key, _, prepare, cmd, kw in specs:
            if prepare:
                prepare()
            # The previous run's files reach the disk first: no run pays for another's writeback.
            os.sync()
            runs[key].append(measure(cmd, **kw))
    return {key: summarise(label, runs[key]) for key, label, *_ in specs}


def summarise(label, runs):
    r = {k: statistics.median(x[k] for x in runs) for k in ("wall", "user", "sys", "cpu", "rss")}
    r["runs"] = len(runs)
    r["walls"] = [round(x["wall"], 4) for x in runs]
    r["stdout"] = runs[-1]["stdout"]
    log(f"  {label:<44} wall {fmt_s(r['wall']):>9}  cpu {fmt_s(r['cpu']):>9}  rss {r['rss']:7.1f} MiB"
        f"  (median of {len(runs)}: {', '.join(fmt_s(w) for w in r['walls'])})")
    return r


def fmt_s(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


# Where `rm` moves what a run leaves, so that no timed run follows a mass delete.  Why: on ext4
# without a journal (this VM's root) the inode allocator skips every inode freed in the last 60 s
# (360 s while its inode-table block is dirty), checking each one in the buffer cache, so a build
# that creates 10,000 files right after 10,000 were deleted spends seconds of kernel time in
# `recently_deleted` (a perf profile: 40% of a clean folio build; Hugo pays the same).  The trash
# is a folder of the work directory and goes with it at the end of the run.
TRASH = {"dir": None, "count": 0}


def rm(path):
    if not os.path.lexists(path):
        return
    TRASH["count"] += 1
    os.rename(path, os.path.join(TRASH["dir"], f"{TRASH['count']:05d}-{os.path.basename(path)}"))


def gen(work, name, pages, charts=False, hugo=True):
    out = os.path.join(work, name)
    cmd = [sys.executable, os.path.join(HERE, "gencorpus.py"), "--pages", str(pages), out]
    if charts:
        cmd.insert(-1, "--charts")
    if not hugo:
        cmd.insert(-1, "--no-hugo")
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RunFailed(f"gencorpus failed: {p.stderr}")
    log(f"  corpus {p.stdout.strip()}")
    shutil.copytree(os.path.join(work, "starter", "Templates"), os.path.join(out, "folio", "Templates"))
    return out


def gen_project(work, name, flag, n):
    """A corpus of `gencorpus.py --sql-rows N` or `--data-pages N` in work/name, its folio site
    (name/folio) with the starter's templates."""
    corpus = os.path.join(work, name)
    p = subprocess.run([sys.executable, os.path.join(HERE, "gencorpus.py"), flag, str(n), corpus],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RunFailed(f"gencorpus {flag} failed: {p.stderr}")
    log(f"  corpus {p.stdout.strip()}")
    shutil.copytree(os.path.join(work, "starter", "Templates"), os.path.join(corpus, "folio", "Templates"))
    return corpus


def folio_clean(site):
    def prepare():
        for d in ("Output", ".folio", ".Output.folio-previous", ".Output.folio-new"):
            rm(os.path.join(site, d))
    return prepare


def count_files(root, suffix):
    return sum(1 for _, _, fs in os.walk(root) for f in fs if f.endswith(suffix))


def inodes(root):
    res = {}
    for d, _, fs in os.walk(root):
        for f in fs:
            p = os.path.join(d, f)
            res[os.path.relpath(p, root)] = os.stat(p).st_ino
    return res


def guarded(section, fn):
    try:
        return fn()
    except (RunFailed, subprocess.TimeoutExpired, OSError) as e:
        FAILURES.append(f"{section}: {e}")
        log(f"  !! {section} failed: {e}")
        return None


def tool_version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "missing"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folio", default=os.path.join(REPO, ".build", "release", "folio"))
    ap.add_argument("--sizes", default="1000,10000", help="page counts for folio vs Hugo vs cmark")
    ap.add_argument("--charts", type=int, default=200, help="charts for folio vs matplotlib")
    ap.add_argument("--rebuild-pages", type=int, default=1000)
    ap.add_argument("--big-csv-mb", type=float, default=20, help="size of the one CSV of the large-dataset run (0 skips it)")
    ap.add_argument("--sql-rows", type=int, default=100_000, help="rows of the SQL stage's CSV (0 skips it)")
    ap.add_argument("--data-pages", type=int, default=10_000,
                    help="rows of the pages-from-data CSV, one page each (0 skips the section)")
    ap.add_argument("--scale", action="store_true",
                    help="add the 100k-page section (issue 14: full build, no-op, one-article edit; about 4 minutes)")
    ap.add_argument("--scale-pages", type=int, default=100_000, help="pages of the scale section")
    ap.add_argument("--reps", type=int, default=3, help="repetitions of each cheap run (median kept)")
    ap.add_argument("--only", default=",".join(x for x in SECTIONS if x not in OPT_IN),
                    help=f"comma-separated sections to run, of {', '.join(SECTIONS)} (default: all)")
    ap.add_argument("--work", help="corpus folder (default: a fresh temporary folder, removed afterwards)")
    ap.add_argument("--keep", action="store_true", help="keep the corpus folder")
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    a = ap.parse_args()
    only = {x.strip() for x in a.only.split(",") if x.strip()}
    if a.scale:
        only.add("scale")
    if not only or only - set(SECTIONS):
        ap.error(f"--only takes some of {', '.join(SECTIONS)}, comma-separated; not {', '.join(sorted(only - set(SECTIONS))) or 'nothing'}")
    if a.big_csv_mb <= 0:
        only.discard("bigcsv")
    if a.sql_rows <= 0:
        only.discard("sql")
    if a.data_pages <= 0:
        only.discard("datapages")
    if not only:
        ap.error("nothing to run: every selected section is skipped")

    folio = os.path.abspath(a.folio)
    if not os.access(folio, os.X_OK):
        sys.exit(f"no folio binary at {folio}: run `make bench`, which builds it (`swift build -c release --product folio --static-swift-stdlib -Xswiftc -use-ld=lld`, and `--product folio-serve`)")
    uses_hugo = bool({"markdown", "datapages"} & only)
    tools = ([TIME] + (["hugo"] if uses_hugo else []) + (["cmark"] if "markdown" in only else [])
             + (["sqlite3"] if "sql" in only else []))
    for tool in tools:
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: run `make bench`, which installs it")
    mpl_version = "not used"
    if "charts" in only:
        try:
            import matplotlib
            mpl_version = matplotlib.__version__
        except ImportError:
            sys.exit("matplotlib is missing: run `make bench`, which installs it into bench/.venv")

    started = time.time()
    work = a.work or tempfile.mkdtemp(prefix="folio-bench-")
    TRASH["dir"] = os.path.join(work, "trash")
    os.makedirs(TRASH["dir"], exist_ok=True)
    os.makedirs(a.out, exist_ok=True)
    sizes = [int(s) for s in a.sizes.split(",") if s]
    rev = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--", "Sources", "Package.swift"],
                           capture_output=True, text=True).stdout.strip()
    env_info = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        "load_before": os.getloadavg()[0],
        "folio": f"{rev}{' + uncommitted Sources changes' if dirty else ''}",
        "sections": [x for x in SECTIONS if x in only],
        "hugo": tool_version(["hugo", "version"]) if uses_hugo else "not used",
        "cmark": tool_version(["cmark", "--version"]) if "markdown" in only else "not used",
        "matplotlib": mpl_version,
        "sqlite3": tool_version(["sqlite3", "--version"]).split(" 20")[0] if "sql" in only else "not used",
        "FOLIO_JOBS": os.environ.get("FOLIO_JOBS", "unset (all cores)"),
    }
    log(f"folio benchmark — {env_info['date']}; {env_info['machine']}; load average {env_info['load_before']:.2f}")
    log(f"  folio {env_info['folio']}; {peers(env_info)}; sections: {', '.join(env_info['sections'])}")
    log(f"  corpora in {work}")
    subprocess.run([folio, "new", os.path.join(work, "starter")], check=True, stdout=subprocess.DEVNULL)

    R = {"env": env_info, "markdown": {}, "charts": None, "rebuild": None, "big_csv": None, "sql": None,
         "datapages": None, "scale": None}

    # 1. Markdown pages: folio vs Hugo vs cmark
    for n in (sizes if "markdown" in only else []):
        log(f"\n== {n} Markdown pages, no charts")

        def section(n=n):
            corpus = gen(work, f"md{n}", n)
            site, hugo = os.path.join(corpus, "folio"), os.path.join(corpus, "hugo")
            hout, hcache = os.path.join(work, f"hugo-out-{n}"), os.path.join(work, f"hugo-cache-{n}")
            reps = a.reps
            res = {"pages": n, "body_bytes": os.path.getsize(os.path.join(corpus, "bodies.md"))}
            res["folio"] = median_runs("folio build", reps, folio_clean(site), [folio, "build", "--quiet"], cwd=site)
            html = count_files(os.path.join(site, "Output"), ".html")
            res["folio"]["html_files"] = html
            res["folio"]["avg_page_kib"] = os.path.getsize(os.path.join(site, "Output", "page-00001.html")) / 1024

            def hugo_clean():
                rm(hout)
                rm(hcache)
            res["hugo"] = median_runs("hugo --quiet (fresh --cacheDir)", reps, hugo_clean,
                                      ["hugo", "--quiet", "--source", hugo, "--destination", hout, "--cacheDir", hcache])
            res["hugo"]["html_files"] = count_files(hout, ".html")
            res["hugo"]["avg_page_kib"] = os.path.getsize(os.path.join(hout, "page-00001", "index.html")) / 1024
            with open(os.path.join(work, f"cmark-{n}.html"), "wb") as sink:
                res["cmark"] = median_runs("cmark --smart bodies.md (one run)", reps, None,
                                           ["cmark", "--smart", os.path.join(corpus, "bodies.md")], stdout=sink)
            log(f"  pages written: folio {html} .html, hugo {res['hugo']['html_files']} .html; "
                f"page-00001: folio {res['folio']['avg_page_kib']:.1f} KiB, hugo {res['hugo']['avg_page_kib']:.1f} KiB")
            rm(hout)
            rm(os.path.join(site, "Output"))
            return res
        R["markdown"][n] = guarded(f"markdown {n}", section)

    # 2. Charts: folio vs matplotlib
    def charts():
        n = a.charts
        corpus = gen(work, f"charts{n}", n, charts=True, hugo=False)
        plain = gen(work, f"plain{n}", n, charts=False, hugo=False)
        site, psite = os.path.join(corpus, "folio"), os.path.join(plain, "folio")
        res = {"charts": n}
        res["folio"] = median_runs(f"folio build, {n} pages with a chart each", a.reps, folio_clean(site),
                                   [folio, "build", "--quiet"], cwd=site)
        res["folio_plain"] = median_runs(f"folio build, the same {n} pages without", a.reps, folio_clean(psite),
                                         [folio, "build", "--quiet"], cwd=psite)
        svgs = count_files(os.path.join(site, "Output", "charts"), ".svg")
        res["folio"]["svg_files"] = svgs
        mout = os.path.join(work, "mpl-out")
        m = measure([sys.executable, os.path.join(HERE, "mpl_charts.py"), os.path.join(corpus, "charts.json"), mout],
                    stdout=subprocess.PIPE)
        inner = json.loads(m["stdout"].strip().splitlines()[-1])
        m.update({"loop_wall": inner["seconds"], "loop_cpu": inner["cpu"], "svg_files": count_files(mout, ".svg")})
        res["mpl"] = m
        log(f"  {'matplotlib, drawing loop only':<44} wall {fmt_s(m['loop_wall']):>9}  cpu {fmt_s(m['loop_cpu']):>9}"
            f"  (whole process {fmt_s(m['wall'])}, rss {m['rss']:.1f} MiB)")
        log(f"  SVG files: folio {svgs} (charts/), matplotlib {m['svg_files']}")
        return res
    if "charts" in only:
        log(f"\n== {a.charts} bar charts: folio vs matplotlib")
        R["charts"] = guarded("charts", charts)

    # 3. Rebuilds at 1k pages with charts and CSVs
    n = a.rebuild_pages

    def rebuilds():
        corpus = gen(work, f"rebuild{n}", n, charts=True, hugo=False)
        site = os.path.join(corpus, "folio")
        content = os.path.join(site, "Content")
        cmd = [folio, "build", "--quiet"]
        res = {"pages": n}
        res["full"] = median_runs("full build (clean)", a.reps, folio_clean(site), cmd, cwd=site)

        def edit_runs(label, edit, reps):
            return rebuild_runs(folio, site, label, edit, reps)

        def edit_article(k):
            path = os.path.join(content, f"page-{50 + k:05d}.md")
            with open(path, "a") as f:
                f.write(f"\nAn edited closing sentence, number {k}.\n")

        def edit_csv(k):
            path = os.path.join(content, "data", "d0005.csv")
            lines = open(path).read().splitlines()
            cells = lines[2].split(",")  # one row, every column: all 10 charts drawn from d0005 change
            lines[2] = ",".join(cells[:1] + [f"{123.4 + k + c / 10:.1f}" for c in range(10)])
            open(path, "w").write("\n".join(lines) + "\n")
        res["noop"] = edit_runs("no-op rebuild", lambda k: None, max(5, a.reps))
        res["article"] = edit_runs("one-article edit", edit_article, a.reps)
        res["csv"] = edit_runs("one-CSV edit (10 pages use it)", edit_csv, a.reps)
        return res
    if "rebuild" in only:
        log(f"\n== rebuilds at {n} pages ({n // 10} CSVs, a chart per page)")
        R["rebuild"] = guarded("rebuilds", rebuilds)

    # 4. One large CSV, read by one inline value
    if "bigcsv" in only:
        log(f"\n== one {a.big_csv_mb:g} MB CSV, read by one inline value ([last]) and nothing else")
        R["big_csv"] = guarded("large CSV", lambda: big_csv_run(folio, work, a.big_csv_mb, a.reps))

    # 5. The SQL stage: folio's derived dataset vs the sqlite3 shell
    if "sql" in only:
        log(f"\n== the SQL stage: a {a.sql_rows}-row CSV and one GROUP BY derived dataset, folio vs sqlite3")
        R["sql"] = guarded("sql", lambda: sql_run(folio, work, a.sql_rows, max(5, a.reps)))

    # 6. Pages from data: one template page over a 10k-row CSV vs Hugo with the same pages as files
    if "datapages" in only:
        log(f"\n== pages from data: one template page over a {a.data_pages}-row CSV, folio vs Hugo (the pages as files)")
        R["datapages"] = guarded("datapages", lambda: data_pages_run(folio, work, a.data_pages, a.reps))

    # 7. Scale (opt-in): 100k pages, full build against the 10k build, no-op and one-article edit
    if "scale" in only:
        log(f"\n== scale: {a.scale_pages} Markdown pages (issue 14)")
        R["scale"] = guarded("scale", lambda: scale_run(folio, work, a.scale_pages, a.reps, R["markdown"].get(10_000)))

    # Targets
    R["env"]["load_after"] = os.getloadavg()[0]
    R["env"]["seconds"] = round(time.time() - started, 1)
    targets = []

    def target(name, fn, pass_fn, show):
        try:
            v = fn()
            targets.append((name, show(v), "PASS" if pass_fn(v) else "FAIL"))
        except (TypeError, KeyError, ZeroDivisionError):
            targets.append((name, "n/a (a run failed)", "FAIL"))

    big = max(sizes) if sizes else None
    md = R["markdown"].get(big) or {}
    ch, rb, sq = R["charts"] or {}, R["rebuild"] or {}, R["sql"] or {}
    if "markdown" in only:
        target(f"{big} pages in at most 1/4 of Hugo's wall time", lambda: md["folio"]["wall"] / md["hugo"]["wall"],
               lambda v: v <= 0.25, lambda v: f"folio/Hugo wall = {v:.2f} ({fmt_s(md['folio']['wall'])} vs {fmt_s(md['hugo']['wall'])}; need <= 0.25)")
        target(f"folio CPU at most 2x raw cmark's ({big} bodies)", lambda: md["folio"]["cpu"] / md["cmark"]["cpu"],
               lambda v: v <= 2, lambda v: f"folio/cmark CPU = {v:.1f}x ({fmt_s(md['folio']['cpu'])} vs {fmt_s(md['cmark']['cpu'])}; need <= 2x)")
        target(f"peak memory under 300 MiB at {big} pages", lambda: md["folio"]["rss"],
               lambda v: v < 300, lambda v: f"{v:.0f} MiB (Hugo {md['hugo']['rss']:.0f} MiB; need < 300)")
    if "charts" in only:
        target(f"charts at least 100x matplotlib's throughput ({a.charts} charts)",
               lambda: ch["mpl"]["loop_wall"] / ch["folio"]["wall"], lambda v: v >= 100,
               lambda v: f"folio/matplotlib charts per second = {v:.1f}x ({fmt_s(ch['folio']['wall'])} whole build vs {fmt_s(ch['mpl']['loop_wall'])}; need >= 100x)"
               f"; charts' share of the build only (minus the same pages without charts): {chart_marginal(ch)}")
    if "rebuild" in only:
        target(f"no-op rebuild of {n} pages under 50 ms", lambda: rb["noop"]["wall"], lambda v: v < 0.050,
               lambda v: f"{fmt_s(v)} (need < 50 ms)")
        target("a one-CSV edit under 5% of a full build", lambda: rb["csv"]["wall"] / rb["full"]["wall"],
               lambda v: v < 0.05, lambda v: f"{100 * v:.1f}% ({fmt_s(rb['csv']['wall'])} vs {fmt_s(rb['full']['wall'])}; need < 5%)")
    if "markdown" in only:
        target(f"issue 14: {big} pages in at most 0.3x Hugo's wall time", lambda: md["folio"]["wall"] / md["hugo"]["wall"],
               lambda v: v <= 0.3, lambda v: f"folio/Hugo wall = {v:.2f} (need <= 0.3)")
        target(f"issue 14: folio CPU at most 2.5x raw cmark's ({big} bodies)", lambda: md["folio"]["cpu"] / md["cmark"]["cpu"],
               lambda v: v <= 2.5, lambda v: f"folio/cmark CPU = {v:.1f}x (need <= 2.5x)")
    dp = R["datapages"] or {}
    if "datapages" in only:
        k = f"{a.data_pages // 1000}k" if a.data_pages % 1000 == 0 else str(a.data_pages)
        target(f"issue 16: {k} data pages: wall <= 0.3x Hugo ({k} files)",
               lambda: dp["folio"]["wall"] / dp["hugo"]["wall"], lambda v: v <= 0.3,
               lambda v: f"folio/Hugo wall = {v:.2f} ({fmt_s(dp['folio']['wall'])} vs {fmt_s(dp['hugo']['wall'])}; need <= 0.3); "
               f"CPU {fmt_s(dp['folio']['cpu'])} vs {fmt_s(dp['hugo']['cpu'])}, peak RSS {dp['folio']['rss']:.0f} vs {dp['hugo']['rss']:.0f} MiB; "
               f"no-op {fmt_s(dp['noop']['wall'])} = {100 * dp['noop']['wall'] / dp['folio']['wall']:.1f}% of the full build")
        target(f"issue 16: a one-row edit re-renders only its page ({k} data pages)",
               lambda: dp["row"]["rewritten_pages"], lambda v: max(v) <= 1,
               lambda v: f"pages rewritten per edit {v} (need <= 1; all files {dp['row']['rewritten_files']}); {fmt_s(dp['row']['wall'])} = "
               f"{100 * dp['row']['wall'] / dp['folio']['wall']:.1f}% of the full build")
    sc = R["scale"] or {}
    if "scale" in only:
        target(f"issue 14: {a.scale_pages} pages in at most 10x the 10k build's wall time (linear)",
               lambda: sc["full"]["wall"] / sc["small"]["wall"], lambda v: v <= 10,
               lambda v: f"{v:.1f}x ({fmt_s(sc['full']['wall'])} vs {fmt_s(sc['small']['wall'])}; need <= 10x)")
        target(f"issue 14: peak memory at most 500 MiB at {a.scale_pages} pages", lambda: sc["full"]["rss"],
               lambda v: v <= 500, lambda v: f"{v:.0f} MiB (need <= 500)")
        target(f"issue 14: a one-article edit at {a.scale_pages} pages in at most 2 s", lambda: sc["article"]["wall"],
               lambda v: v <= 2, lambda v: f"{fmt_s(v)} (need <= 2 s; {100 * v / sc['full']['wall']:.0f}% of the full build)")
        target(f"issue 14: a no-op at {a.scale_pages} pages in at most 0.5 s", lambda: sc["noop"]["wall"],
               lambda v: v <= 0.5, lambda v: f"{fmt_s(v)} (need <= 0.5 s)")
    if "sql" in only:
        target("the derived dataset's numbers in folio's chart CSV equal sqlite3's", lambda: sq["match"]["problems"],
               lambda v: not v, lambda v: f"{sq['match']['rows']} rows x {sq['match']['columns']} columns, largest relative "
               f"difference {sq['match']['max_rel_diff']:.1e}" if not v else "differ: " + "; ".join(v[:5]))
        target(f"SQL stage ({a.sql_rows} rows): folio build within {SQL_FACTOR:g}x sqlite3's import + query, same result",
               lambda: (sq["folio"]["wall"] / sq["sqlite3"]["wall"], not sq["match"]["problems"]),
               lambda v: v[0] <= SQL_FACTOR and v[1],
               lambda v: f"folio/sqlite3 wall = {v[0]:.1f}x ({fmt_s(sq['folio']['wall'])} vs {fmt_s(sq['sqlite3']['wall'])}; "
               f"need <= {SQL_FACTOR:g}x: {SQL_WHY}{'' if v[1] else '; results differ'}); "
               f"CPU {sq['folio']['cpu'] / sq['sqlite3']['cpu']:.1f}x, "
               f"peak RSS {sq['folio']['rss'] / sq['sqlite3']['rss']:.1f}x ({sq['folio']['rss']:.0f} vs {sq['sqlite3']['rss']:.0f} MiB); "
               f"by wall time: {sql_breakdown(sq)}")
    R["targets"] = [{"target": t, "measured": m, "result": p} for t, m, p in targets]
    R["failures"] = FAILURES

    md_lines = render_markdown(R, sizes, a)
    log("\n" + "\n".join(md_lines))
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump(R, f, indent=1, default=str)
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write("\n".join(md_lines) + "\n")
    log(f"\nwritten {os.path.join(a.out, 'results.md')} and results.json; {R['env']['seconds']:.0f} s in all")

    shutil.rmtree(TRASH["dir"], ignore_errors=True)
    if not a.keep and not a.work:
        shutil.rmtree(work, ignore_errors=True)
    if FAILURES:
        log("\nruns that failed:\n  " + "\n  ".join(FAILURES))
        sys.exit(1)


def rebuild_runs(folio, site, label, edit, reps):
    """`reps` times: edit(k), then `folio build` of `site`; the median of each figure, and the
    files of Output/ each build wrote (a new inode), all of them and the pages (`.html`), for the
    check that it wrote only what changed."""
    out = os.path.join(site, "Output")
    runs, changed, pages = [], [], []
    for k in range(reps):
        before = inodes(out)
        edit(k)
        runs.append(measure([folio, "build"], cwd=site, stdout=subprocess.PIPE))
        after = inodes(out)
        changed.append(sum(1 for p, i in after.items() if before.get(p) != i))
        pages.append(sum(1 for p, i in after.items() if p.endswith(".html") and before.get(p) != i))
    r = {x: statistics.median(rr[x] for rr in runs) for x in ("wall", "user", "sys", "cpu", "rss")}
    r["walls"] = [round(rr["wall"], 4) for rr in runs]
    r["rewritten_files"] = changed
    r["rewritten_pages"] = pages
    r["report"] = runs[-1]["stdout"].strip().splitlines()[-1:] if runs[-1]["stdout"].strip() else []
    log(f"  {label:<44} wall {fmt_s(r['wall']):>9}  cpu {fmt_s(r['cpu']):>9}  rss {r['rss']:7.1f} MiB"
        f"  (median of {reps}: {', '.join(fmt_s(w) for w in r['walls'])}; files rewritten {changed}, pages {pages})")
    return r


def data_pages_run(folio, work, pages, reps):
    """The pages-from-data section: folio's template page over `pages` rows against Hugo building
    the same pages as files (interleaved clean builds), then folio's no-op rebuild and one-row edit."""
    corpus = gen_project(work, "datapages", "--data-pages", pages)
    site, hugo = os.path.join(corpus, "folio"), os.path.join(corpus, "hugo")
    hout, hcache = os.path.join(work, "hugo-out-datapages"), os.path.join(work, "hugo-cache-datapages")

    def hugo_clean():
        rm(hout)
        rm(hcache)
    res = {"pages": pages}
    res.update(interleaved_runs([
        ("folio", f"folio build, 1 template page x {pages} rows", folio_clean(site), [folio, "build", "--quiet"],
         {"cwd": site}),
        ("hugo", f"hugo, the same {pages} pages as files", hugo_clean,
         ["hugo", "--quiet", "--source", hugo, "--destination", hout, "--cacheDir", hcache], {}),
    ], reps))
    # The firms' pages only (Hugo also writes entities/index.html, the section's list page).
    res["folio"]["html_files"] = sum(1 for f in os.listdir(os.path.join(site, "Output", "entities")) if f.startswith("firm-"))
    res["hugo"]["html_files"] = sum(1 for f in os.listdir(os.path.join(hout, "entities")) if f.startswith("firm-"))
    log(f"  entity pages written: folio {res['folio']['html_files']}, hugo {res['hugo']['html_files']}")
    for tool in ("folio", "hugo"):
        if res[tool]["html_files"] != pages:
            raise RunFailed(f"{tool} wrote {res[tool]['html_files']} entity pages, not {pages}")
    rm(hout)
    path = os.path.join(site, "Content", "data", "entities.csv")

    def edit_row(k):
        # One firm's revenue (row 100 + k): its page's inline value and table change, no other page.
        lines = open(path).read().splitlines()
        cells = lines[100 + k].split(",")
        cells[3] = f"{1234.5 + k:.1f}"
        lines[100 + k] = ",".join(cells)
        open(path, "w").write("\n".join(lines) + "\n")
    res["noop"] = rebuild_runs(folio, site, "no-op rebuild", lambda k: None, max(5, reps))
    res["row"] = rebuild_runs(folio, site, "one-row edit (one firm's revenue)", edit_row, reps)
    page = open(os.path.join(site, "Output", "entities", f"firm-{100 + reps - 1:05d}.html")).read()
    shown = f'<data value="{1234.5 + reps - 1:.1f}">'
    if shown not in page:
        raise RunFailed(f"the edited firm's page does not show its new revenue ({shown})")
    rm(os.path.join(site, "Output"))
    return res


def scale_run(folio, work, pages, reps, markdown_10k):
    """`pages` Markdown pages (no Hugo copy): one clean full build, then no-op rebuilds and
    one-article edits (medians of `reps`); the 10k build of the markdown section, or one made
    here, is the linear yardstick."""
    res = {"pages": pages}
    if markdown_10k:
        res["small"] = markdown_10k["folio"]
    else:
        small = os.path.join(gen(work, "scale10k", 10_000, hugo=False), "folio")
        res["small"] = median_runs("folio build, 10k pages (the yardstick)", reps, folio_clean(small),
                                   [folio, "build", "--quiet"], cwd=small)
        rm(os.path.join(small, "Output"))
    site = os.path.join(gen(work, f"scale{pages}", pages, hugo=False), "folio")
    cmd = [folio, "build", "--quiet"]
    res["full"] = median_runs(f"full build, {pages} pages (clean)", 1, folio_clean(site), cmd, cwd=site, timeout=1800)
    res["noop"] = median_runs("no-op rebuild", max(3, reps), None, cmd, cwd=site)
    count = [0]

    def edit():
        count[0] += 1
        with open(os.path.join(site, "Content", f"page-{100 + count[0]:05d}.md"), "a") as f:
            f.write(f"\nAn edited closing sentence, number {count[0]}.\n")
    res["article"] = median_runs("one-article edit", reps, edit, cmd, cwd=site)
    rm(os.path.join(site, "Output"))
    return res


def big_csv_run(folio, work, megabytes, reps):
    """A site whose only dataset is one CSV of about `megabytes` MB (four columns: year, a value, a
    quoted name with a comma, a code with a leading zero), read by one inline value, `[last]`."""
    site = os.path.join(work, "bigcsv")
    rm(site)
    os.makedirs(os.path.join(site, "Content", "data"))
    shutil.copytree(os.path.join(work, "starter", "Templates"), os.path.join(site, "Templates"))
    with open(os.path.join(site, "Content", "site.yml"), "w") as f:
        f.write('title: "One large dataset"\nlanguage: en\n')
    with open(os.path.join(site, "Content", "index.md"), "w") as f:
        f.write("---\ntitle: One large dataset\n---\n\nThe last value is `=big.value[last]`.\n")
    target = int(megabytes * 1_000_000)
    lines, size, i = ["year,value,name,code\n"], 0, 0
    while size < target:
        line = f'{2000 + i % 25},{-(i % 100_000) - 0.4:.1f},"CoreWeave, Inc. {i}",0{10_000 + i % 90_000}\n'
        lines.append(line)
        size += len(line)
        i += 1
    last = f"{-((i - 1) % 100_000) - 0.4:.1f}"
    path = os.path.join(site, "Content", "data", "big.csv")
    with open(path, "w") as f:
        f.write("".join(lines))
    res = {"bytes": os.path.getsize(path), "rows": i}
    log(f"  big.csv: {res['bytes'] / MIB:.1f} MiB, {i} rows")
    res["folio"] = median_runs("folio build, one inline value ([last])", reps, folio_clean(site),
                               [folio, "build", "--quiet"], cwd=site)
    page = open(os.path.join(site, "Output", "index.html")).read()
    if f'<data value="{last}">' not in page:
        raise RunFailed(f"Output/index.html does not show the last row's value {last}")
    res["rss_per_file"] = res["folio"]["rss"] / (res["bytes"] / MIB)
    log(f"  peak RSS {res['folio']['rss']:.0f} MiB = {res['rss_per_file']:.1f}x the file")
    rm(os.path.join(site, "Output"))
    return res


def sql_run(folio, work, rows, reps):
    """folio building a one-page site whose chart draws `by_region.sql` over a `rows`-row CSV,
    against the sqlite3 shell importing the same CSV into a typed table and running the same
    SELECT, and the same folio site with the query's result as a plain CSV (no SQL stage).
    One untimed warm-up of each, then `reps` interleaved rounds."""
    corpus = gen_project(work, "sql", "--sql-rows", rows)
    site = os.path.join(corpus, "folio")
    data = os.path.join(site, "Content", "data")
    csv_path = os.path.join(data, "sales.csv")
    query = open(os.path.join(corpus, "query.sql")).read()
    # The table folio makes of sales.csv (DatasetTable: INTEGER when every value is an integer, REAL
    # for other numbers, TEXT), declared first so that .import converts as folio does; without it
    # .import makes every column TEXT.
    sqlite_cmd = ["sqlite3", "-bail", "-batch", "-csv", "-header", ":memory:",
                  "CREATE TABLE sales (year INTEGER, quarter TEXT, region TEXT, revenue_usd_m REAL)",
                  f'.import --csv --skip 1 "{csv_path}" sales', query]
    build = [folio, "build", "--quiet"]
    chart_csv = os.path.join(site, "Output", "charts", "index.chart-1.csv")
    res = {"rows": rows, "bytes": os.path.getsize(csv_path)}

    # Warm-ups (page cache, binaries), untimed; the first build's chart CSV becomes the result
    # dataset of the site without the query.
    folio_clean(site)()
    measure(build, cwd=site)
    imported = measure(sqlite_cmd[:-1] + ["SELECT count(*) AS n FROM sales"], stdout=subprocess.PIPE)["stdout"]
    if imported.split() != ["n", str(rows)]:
        raise RunFailed(f"sqlite3 imported {imported.split()[-1:]} rows of sales.csv, not {rows}")
    plain = os.path.join(corpus, "folio-no-sql")
    shutil.copytree(site, plain, ignore=shutil.ignore_patterns("Output", ".folio"))
    os.unlink(os.path.join(plain, "Content", "data", "by_region.sql"))
    shutil.copyfile(chart_csv, os.path.join(plain, "Content", "data", "by_region.csv"))
    bare = os.path.join(corpus, "folio-no-csv")
    shutil.copytree(plain, bare)
    for name in ("sales.csv", "sales.meta.yml"):
        os.unlink(os.path.join(bare, "Content", "data", name))

    timed = interleaved_runs([
        ("folio", "folio build (CSV + by_region.sql, 1 chart)", folio_clean(site), build, {"cwd": site}),
        ("sqlite3", "sqlite3: .import --csv + the same SELECT", None, sqlite_cmd, {"stdout": subprocess.PIPE}),
        ("folio_no_sql", "folio build, the result as a plain CSV", folio_clean(plain), build, {"cwd": plain}),
        ("folio_no_csv", "folio build, that without sales.csv", folio_clean(bare), build, {"cwd": bare}),
    ], reps)
    res.update(timed)
    res["match"] = compare_results(open(chart_csv, newline="").read(), timed["sqlite3"]["stdout"])
    res["sqlite3_result"] = timed["sqlite3"]["stdout"]
    m = res["match"]
    if m["problems"]:
        FAILURES.append("sql: folio's chart CSV differs from sqlite3's result: " + "; ".join(m["problems"][:5]))
        log("  !! folio's result differs from sqlite3's: " + "; ".join(m["problems"][:5]))
    else:
        log(f"  results: the same {m['rows']} rows x {m['columns']} columns in folio's chart CSV and sqlite3's output"
            f" (largest relative difference {m['max_rel_diff']:.1e})")
    log(f"  folio/sqlite3: wall {res['folio']['wall'] / res['sqlite3']['wall']:.1f}x, cpu "
        f"{res['folio']['cpu'] / res['sqlite3']['cpu']:.1f}x, peak RSS {res['folio']['rss'] / res['sqlite3']['rss']:.1f}x")
    log(f"  folio's build, by wall time: {sql_breakdown(res)}")
    for d in (site, plain, bare):
        rm(os.path.join(d, "Output"))
    return res


def compare_results(folio_csv, sqlite_csv):
    """The rows of folio's chart CSV against sqlite3's CSV output: the same columns (folio's in the
    chart's order), rows in the same order, text cells equal, numbers equal to 12 significant
    digits (both print at most 15; 9999 and 9999.0 are the same number)."""
    f = list(csv.reader(io.StringIO(folio_csv)))
    s = list(csv.reader(io.StringIO(sqlite_csv)))
    if not f or not s:
        return {"rows": 0, "columns": 0, "max_rel_diff": 0.0, "problems": ["an empty result"]}
    fh, sh = f[0], s[0]
    problems = []
    if sorted(fh) != sorted(sh):
        problems.append(f"columns {fh} vs {sh}")
    if len(f) != len(s):
        problems.append(f"{len(f) - 1} rows vs {len(s) - 1}")
    if len(f) < 2:
        problems.append("no rows")
    common = [c for c in fh if c in sh]
    max_rel = 0.0
    for i, (fr, sr) in enumerate(zip(f[1:], s[1:]), start=1):
        fd, sd = dict(zip(fh, fr)), dict(zip(sh, sr))
        for c in common:
            x, y = fd.get(c, ""), sd.get(c, "")
            if x == y:
                continue
            try:
                a, b = float(x), float(y)
            except ValueError:
                problems.append(f"row {i} {c}: {x!r} vs {y!r}")
                continue
            if a != b:
                max_rel = max(max_rel, abs(a - b) / max(abs(a), abs(b)))
            if not math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12):
                problems.append(f"row {i} {c}: {x} vs {y}")
    return {"rows": len(f) - 1, "columns": len(common), "max_rel_diff": max_rel, "problems": problems}


def sql_breakdown(sq):
    """folio's build split by the differences between the three folio runs, each part also as a
    multiple of sqlite3's whole import + query."""
    peer = sq["sqlite3"]["wall"]
    parts = [("the page alone (no sales.csv)", sq["folio_no_csv"]["wall"]),
             ("reading sales.csv", sq["folio_no_sql"]["wall"] - sq["folio_no_csv"]["wall"]),
             ("the SQL stage (table load + query)", sq["folio"]["wall"] - sq["folio_no_sql"]["wall"])]
    return "; ".join(f"{name} {fmt_s(v)} = {v / peer:.1f}x" if v > 0 else f"{name} n/a (within noise)"
                     for name, v in parts)


def chart_marginal(ch):
    extra = ch["folio"]["wall"] - ch["folio_plain"]["wall"]
    return f"{ch['mpl']['loop_wall'] / extra:.0f}x ({fmt_s(extra)})" if extra > 0 else "n/a (within noise)"


def peers(e):
    """The versions of the peers this run used."""
    named = [e["hugo"], e["cmark"], f"matplotlib {e['matplotlib']}", f"sqlite3 {e['sqlite3']}"]
    used = [x for x, key in zip(named, ("hugo", "cmark", "matplotlib", "sqlite3")) if e[key] != "not used"]
    return "; ".join(used) or "no peers"


def render_markdown(R, sizes, a):
    e = R["env"]
    L = [f"Measured {e['date']} on {e['machine']}; load average {e['load_before']:.1f} before, "
         f"{e['load_after']:.1f} after; folio {e['folio']}; {peers(e)}; sections: {', '.join(e['sections'])}. "
         f"Medians of {a.reps} runs (no-op and SQL stage: at least 5, interleaved; matplotlib: 1).", ""]
    L += ["| run | wall | CPU (user+sys) | peak RSS |", "|---|---:|---:|---:|"]

    def row(name, r):
        if r:
            L.append(f"| {name} | {fmt_s(r['wall'])} | {fmt_s(r['cpu'])} | {r['rss']:.0f} MiB |")
    for n in sizes:
        m = R["markdown"].get(n)
        if m:
            row(f"{n} pages: folio build", m["folio"])
            row(f"{n} pages: hugo", m["hugo"])
            row(f"{n} pages: cmark --smart, all bodies ({m['body_bytes'] / MIB:.1f} MiB)", m["cmark"])
    c = R["charts"]
    if c:
        row(f"{c['charts']} pages with a bar chart each: folio build", c["folio"])
        row(f"the same {c['charts']} pages without charts: folio build", c["folio_plain"])
        mp = c["mpl"]
        L.append(f"| {c['charts']} bar charts: matplotlib (drawing loop; whole process {fmt_s(mp['wall'])}) | "
                 f"{fmt_s(mp['loop_wall'])} | {fmt_s(mp['loop_cpu'])} | {mp['rss']:.0f} MiB |")
    r = R["rebuild"]
    if r:
        row(f"{r['pages']} pages + charts: full build", r["full"])
        row(f"{r['pages']} pages + charts: no-op rebuild", r["noop"])
        row(f"{r['pages']} pages + charts: one-article edit", r["article"])
        row(f"{r['pages']} pages + charts: one-CSV edit", r["csv"])
    b = R["big_csv"]
    if b:
        row(f"one {b['bytes'] / MIB:.0f} MiB CSV ({b['rows']} rows) read by one inline value: folio build"
            f" (peak RSS {b['rss_per_file']:.1f}x the file)", b["folio"])
    q = R["sql"]
    if q:
        size = f"{q['rows']}-row CSV ({q['bytes'] / MIB:.1f} MiB)"
        row(f"SQL stage, {size}: folio build, by_region.sql drawn by one chart", q["folio"])
        row(f"SQL stage, {size}: sqlite3 shell, .import --csv + the same SELECT", q["sqlite3"])
        row(f"SQL stage, {size}: folio build, the query's result as a plain CSV (no SQL)", q["folio_no_sql"])
        row("SQL stage: folio build, that page without sales.csv (startup, page, chart)", q["folio_no_csv"])
    dp = R["datapages"]
    if dp:
        row(f"{dp['pages']} pages from data (one template page, {dp['pages']}-row CSV): folio build", dp["folio"])
        row(f"the same {dp['pages']} pages written out as files: hugo", dp["hugo"])
        row(f"{dp['pages']} pages from data: no-op rebuild", dp["noop"])
        row(f"{dp['pages']} pages from data: one-row edit", dp["row"])
    sc = R["scale"]
    if sc:
        row(f"{sc['pages']} pages: full build (one run)", sc["full"])
        row(f"{sc['pages']} pages: no-op rebuild", sc["noop"])
        row(f"{sc['pages']} pages: one-article edit", sc["article"])
    L += ["", "| target (issues 5, 11, 14 and 16) | measured | result |", "|---|---|---|"]
    L += [f"| {t['target']} | {t['measured']} | **{t['result']}** |" for t in R["targets"]]
    if R["failures"]:
        L += ["", "Runs that failed: " + "; ".join(R["failures"])]
    return L


if __name__ == "__main__":
    main()
