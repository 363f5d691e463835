#!/usr/bin/env python3
"""Deterministic synthetic corpus for the folio benchmark.

One seeded generator writes the same N articles three ways:

  OUT/folio/Content/   folio project content (YAML front matter, links to `page-NNNNN.md`)
  OUT/hugo/            a Hugo site (TOML front matter, the same bodies, minimal layouts
                       roughly equivalent to folio's page layout: head, masthead with a
                       short nav, title, dek, byline, table of contents, prose, pager, footer)
  OUT/bodies.md        the concatenation of every body, for one `cmark --smart` run

Every article is ~2 KB of CommonMark: headings (## and ###, so both tools draw a table of
contents), paragraphs with emphasis, strong, code spans and links to other pages, a bullet
list, an ordered list, a block quote and a fenced code block.

With --charts, there is one CSV per 10 pages (`Content/data/dNNNN.csv`: a category column
and ten value columns) and each page carries one ```chart bar block over its dataset, using
the column `v<page % 10>`, so every chart is different.  `OUT/charts.json` lists every chart
(title, categories, values) so matplotlib can draw the same charts.

With --sql-rows N instead of --pages, it writes a project for folio's SQL stage (derived
datasets): OUT/folio/Content/data/sales.csv, N rows of year,quarter,region,revenue_usd_m (an
integer, two text columns — two regions quoted, one with a comma, one with doubled quotes — and
a number column, a seventh of it written without a decimal point), and `by_region.sql`, a GROUP
BY aggregate over it that the one page's grouped-bar chart draws.  OUT/query.sql holds the same
SELECT for the `sqlite3` shell.

With --data-pages N instead, it writes pages from data (SPEC §2): OUT/folio/Content/data/
entities.csv, N rows of entity,region,year,revenue_usd_m,margin_pct,employees (one row, so one
page, per entity; `Firm 00001` … slugs to `firm-00001`), and one template page,
`Content/entities/[entity].md` (`rows: entities`, `{entity}` and `{region}` in its front
matter, four `@entity`-pinned inline values and a table filtered by `where: {entity: "@entity"}`).
OUT/hugo/ holds the same N pages written out as Markdown files (`content/entities/firm-NNNNN.md`),
the same text with the numbers filled in as folio formats them and the table in Markdown.

Usage: gencorpus.py --pages N [--seed S] [--charts] OUT
       gencorpus.py --sql-rows N [--seed S] OUT
       gencorpus.py --data-pages N [--seed S] OUT
"""

import argparse
import json
import math
import os
import random
import shutil

WORDS = (
    "revenue margin capacity cluster contract backlog debt lender customer supplier growth "
    "quarter forecast filing market share price volume power datacenter megawatt lease "
    "capital spending depreciation interest covenant collateral valuation offering shares "
    "investor analyst estimate guidance demand supply chip accelerator network storage "
    "training inference model workload utilisation rate term maturity yield spread risk "
    "exposure concentration dependence contract renewal pipeline signed committed option "
    "expansion region site grid cooling rack density cost per hour unit economics"
).split()

CATEGORIES = ["North", "South", "East", "West", "Central", "Coast", "Inland", "Islands"]
NAV_SIZE = 8  # a short, fixed navigation, as a real report has (folio's default lists every page)


def page_name(i):
    return f"page-{i:05d}"


def sentence(rng, n_min=8, n_max=16, links=(), pages=0, link_fmt=None):
    words = [rng.choice(WORDS) for _ in range(rng.randint(n_min, n_max))]
    # sprinkle inline markup
    k = rng.randrange(len(words))
    words[k] = f"*{words[k]}*"
    if rng.random() < 0.5:
        k = rng.randrange(len(words))
        words[k] = f"**{words[k]}**"
    if rng.random() < 0.3:
        k = rng.randrange(len(words))
        words[k] = f"`{words[k]}_id`"
    if pages > 1 and rng.random() < 0.45:
        target = rng.randrange(1, pages + 1)
        k = rng.randrange(len(words))
        words[k] = f"[{words[k]}]({link_fmt(target)})"
    s = " ".join(words)
    return s[0].upper() + s[1:] + rng.choice([".", ".", ".", "?", " -- as filed."])


def paragraph(rng, pages, link_fmt, n=None):
    return " ".join(sentence(rng, pages=pages, link_fmt=link_fmt) for _ in range(n or rng.randint(3, 5)))


def title_words(rng, n):
    s = " ".join(rng.choice(WORDS) for _ in range(n))
    return s[0].upper() + s[1:]


def body(rng, i, pages, link_fmt, chart_block):
    """One ~2 KB CommonMark body. link_fmt(target) gives the link URL for page `target`."""
    nxt = i % pages + 1
    parts = [
        paragraph(rng, pages, link_fmt, 3) + f" Continue with [the next page]({link_fmt(nxt)}).",
        f"## {title_words(rng, 3)}",
        paragraph(rng, pages, link_fmt),
        "\n".join(f"- {sentence(rng, 5, 9, pages=pages, link_fmt=link_fmt)}" for _ in range(4)),
    ]
    if chart_block:
        parts.append(chart_block)
    parts += [
        f"## {title_words(rng, 2)}",
        paragraph(rng, pages, link_fmt, 2),
        "\n".join(f"{k}. {sentence(rng, 4, 8)}" for k in range(1, 4)),
        "```python\n"
        f"def ratio_{i}(a, b):\n"
        f"    # {title_words(rng, 4)}\n"
        f"    return (a - b) / max(b, {rng.randint(1, 99)})\n"
        "```",
        f"### {title_words(rng, 3)}",
        paragraph(rng, pages, link_fmt, 2),
        f"## {title_words(rng, 2)}",
        "> " + sentence(rng, 10, 14),
        paragraph(rng, pages, link_fmt, 2),
    ]
    return "\n\n".join(parts) + "\n"


def dataset(rng, d):
    """CSV for dataset d: 8 categories x 10 value columns."""
    rows = ["category," + ",".join(f"v{k}" for k in range(10))]
    table = []
    for c in CATEGORIES:
        vals = [round(rng.uniform(5, 500), 1) for _ in range(10)]
        table.append(vals)
        rows.append(c + "," + ",".join(f"{v}" for v in vals))
    return "\n".join(rows) + "\n", table


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


HUGO_BASEOF = """<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
<meta name="color-scheme" content="light dark">
<link rel="icon" href="{{ "favicon.svg" | relURL }}" type="image/svg+xml">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<a class="skip" href="#main">Skip to the article</a>
<header class="masthead"><div class="masthead-inner">
<a class="site-title" href="{{ "" | relURL }}">{{ site.Title }}</a>
<nav aria-label="Articles"><ol class="nav">
{{ $cur := . }}{{ range site.Menus.main }}<li><a href="{{ .URL }}"{{ if $cur.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
{{ end }}</ol></nav>
</div></header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p>{{ site.Title }} · {{ site.Params.author }}</p>
<p class="colophon">Built with Hugo: static HTML.</p></footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}
<article class="article">
  <header class="article-header">
    <h1>{{ .Title }}</h1>
    {{ with .Params.summary }}<p class="dek">{{ . }}</p>{{ end }}
    <p class="byline"><span>{{ site.Params.author }}</span>
    <span><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></span></p>
  </header>
  <nav class="toc" aria-labelledby="toc-heading"><h2 id="toc-heading">In this article</h2>
  {{ .TableOfContents }}
  </nav>
  <div class="prose">
{{ .Content }}
  </div>
  <nav class="pager" aria-label="More articles">
  {{ with .PrevInSection }}<a class="pager-previous" href="{{ .RelPermalink }}" rel="prev"><span class="pager-label">Previous</span> {{ .Title }}</a>{{ end }}
  {{ with .NextInSection }}<a class="pager-next" href="{{ .RelPermalink }}" rel="next"><span class="pager-label">Next</span> {{ .Title }}</a>{{ end }}
  </nav>
</article>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
"""


REGIONS = ["North", "South", "East", "West", "Central", "Asia, Pacific", 'Latin "LatAm" America', "Islands"]

# The derived dataset of the SQL project: a GROUP BY aggregate with a filter, integer (count),
# summed, averaged and maximal columns.  sqlite3 runs exactly this text too.
SQL_QUERY = """SELECT region,
       count(*) AS quarters,
       sum(revenue_usd_m) AS revenue_usd_m,
       avg(revenue_usd_m) AS mean_usd_m,
       max(revenue_usd_m) AS max_usd_m
FROM sales
WHERE year >= 2010
GROUP BY region
ORDER BY region
"""


def csv_field(text):
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\r\n') else text


def sql_project(rng, rows, out):
    """A folio project whose one page charts a derived dataset over a `rows`-row CSV."""
    fc = os.path.join(out, "folio", "Content")
    os.makedirs(os.path.join(fc, "data"))
    with open(os.path.join(fc, "site.yml"), "w") as f:
        f.write('title: "SQL stage benchmark"\nlanguage: en\n')
    with open(os.path.join(fc, "index.md"), "w") as f:
        f.write("---\ntitle: Revenue by region\nsummary: One chart over a derived dataset.\n---\n\n"
                "```chart\ntype: grouped-bar\ndata: by_region\nx: region\n"
                "y: [revenue_usd_m, mean_usd_m, max_usd_m, quarters]\ntitle: Revenue by region, 2010 on\n```\n")
    lines = ["year,quarter,region,revenue_usd_m\n"]
    for _ in range(rows):
        tenths = rng.randrange(-500, 100_000)
        value = str(tenths // 10) if tenths % 7 == 0 else f"{tenths / 10:.1f}"
        lines.append(f"{2000 + rng.randrange(25)},Q{rng.randrange(1, 5)},{csv_field(rng.choice(REGIONS))},{value}\n")
    with open(os.path.join(fc, "data", "sales.csv"), "w") as f:
        f.write("".join(lines))
    with open(os.path.join(fc, "data", "sales.meta.yml"), "w") as f:
        f.write("title: Synthetic sales\nsource: {title: Synthetic generator, date: 2025}\n"
                "units: {revenue_usd_m: USD millions}\n")
    for path in (os.path.join(fc, "data", "by_region.sql"), os.path.join(out, "query.sql")):
        with open(path, "w") as f:
            f.write(SQL_QUERY)
    size = os.path.getsize(os.path.join(fc, "data", "sales.csv"))
    print(f"{out}: sales.csv {rows} rows, {size / 1024 / 1024:.1f} MiB; by_region.sql; one page, one chart")


DATA_REGIONS = ["North America", "Europe", "Asia", "Latin America", "Africa", "Oceania", "Middle East"]

DATA_TEMPLATE = """---
title: "{entity}: revenue, margin and staff"
summary: "The latest reported figures of {entity}, based in {region}."
rows: entities
---
`=@entity` reported revenue of `=entities.revenue_usd_m[entity=@entity]` in `=entities.year[entity=@entity]`, \
with an operating margin of `=entities.margin_pct[entity=@entity]` and `=entities.employees[entity=@entity]` employees. \
It is one of the firms based in `=entities.region[entity=@entity]`.

## The figures

```table
data: entities
where: {entity: "@entity"}
columns:
  - {key: year, label: Year}
  - {key: revenue_usd_m, label: Revenue}
  - {key: margin_pct, label: Operating margin}
  - {key: employees, label: Employees}
caption: "The latest reported figures"
```

## Method

Revenue is as each firm reports it, in US dollars; the margin is operating income over revenue. \
Every figure on this page comes from one row of the dataset, so a data update changes this page and no other.
"""

HUGO_DATA_PAGE = """+++
title = {title}
summary = {summary}
+++

{entity} reported revenue of {revenue} in {year}, \
with an operating margin of {margin} and {employees} employees. \
It is one of the firms based in {region}.

## The figures

| Year | Revenue | Operating margin | Employees |
|---:|---:|---:|---:|
| {year} | {revenue} | {margin} | {employees} |

The latest reported figures. Source: Synthetic generator, 2025.

## Method

Revenue is as each firm reports it, in US dollars; the margin is operating income over revenue. \
Every figure on this page comes from one row of the dataset, so a data update changes this page and no other.
"""


def three_digits(x):
    """x to three significant digits, trailing zeros dropped (folio's default rounding)."""
    d = max(0, 2 - int(math.floor(math.log10(x)))) if x > 0 else 0
    return f"{x:,.{d}f}".rstrip("0").rstrip(".") if d else f"{x:,.0f}"


def fmt_usd_m(v):
    base = v * 1e6
    for div, word in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(base) >= div:
            return ("\u2212" if base < 0 else "") + "$" + three_digits(abs(base) / div) + word
    return "$" + three_digits(abs(base))


def data_pages_project(rng, pages, out, hugo=True):
    """`pages` rows of entities.csv, one per entity, and the template page that makes a page of
    each; the Hugo copy writes the same pages out as files."""
    fc = os.path.join(out, "folio", "Content")
    os.makedirs(os.path.join(fc, "data"))
    os.makedirs(os.path.join(fc, "entities"))
    with open(os.path.join(fc, "site.yml"), "w") as f:
        f.write('title: "Pages from data benchmark"\nlanguage: en\nauthor: "bench"\nnav:\n  - index.md\n')
    with open(os.path.join(fc, "index.md"), "w") as f:
        f.write("---\ntitle: Pages from data benchmark\nsummary: The landing page.\n---\n\n"
                "Start with [the first firm](entities/[entity=Firm 00001].md).\n")
    with open(os.path.join(fc, "entities", "[entity].md"), "w") as f:
        f.write(DATA_TEMPLATE)
    with open(os.path.join(fc, "data", "entities.meta.yml"), "w") as f:
        f.write("title: Synthetic firms\nsource: {title: Synthetic generator, date: 2025}\n"
                "units: {revenue_usd_m: USD millions, margin_pct: percent}\n")
    rows = []
    lines = ["entity,region,year,revenue_usd_m,margin_pct,employees\n"]
    for i in range(1, pages + 1):
        row = {"entity": f"Firm {i:05d}", "region": rng.choice(DATA_REGIONS), "year": 2020 + rng.randrange(6),
               "revenue": round(rng.uniform(5, 90_000), 1), "margin": round(rng.uniform(-40, 60), 1),
               "employees": rng.randrange(20, 250_000)}
        rows.append(row)
        lines.append(f"{row['entity']},{row['region']},{row['year']},{row['revenue']:.1f},{row['margin']:.1f},{row['employees']}\n")
    with open(os.path.join(fc, "data", "entities.csv"), "w") as f:
        f.write("".join(lines))
    if hugo:
        hc = os.path.join(out, "hugo", "content", "entities")
        os.makedirs(hc)
        for row in rows:
            slug = row["entity"].lower().replace(" ", "-")
            margin = ("\u2212" if row["margin"] < 0 else "") + three_digits(abs(row["margin"])) + "%"
            with open(os.path.join(hc, slug + ".md"), "w") as f:
                f.write(HUGO_DATA_PAGE.format(
                    title=json.dumps(f"{row['entity']}: revenue, margin and staff"),
                    summary=json.dumps(f"The latest reported figures of {row['entity']}, based in {row['region']}."),
                    entity=row["entity"], region=row["region"], year=row["year"], revenue=fmt_usd_m(row["revenue"]),
                    margin=margin, employees=row["employees"]))
        hugo_site(os.path.join(out, "hugo"), "Pages from data benchmark",
                  "Start with [the first firm](entities/firm-00001/).\n")
    size = os.path.getsize(os.path.join(fc, "data", "entities.csv"))
    print(f"{out}: entities.csv {pages} rows, {size / 1024 / 1024:.1f} MiB; one template page making {pages} pages"
          + (f"; {pages} Hugo pages as files" if hugo else ""))


def hugo_site(hugo, title, home):
    """A Hugo site's config, minimal layouts, home page and static files around `hugo/content`."""
    lay = os.path.join(hugo, "layouts", "_default")
    os.makedirs(lay, exist_ok=True)
    os.makedirs(os.path.join(hugo, "static"), exist_ok=True)
    os.makedirs(os.path.join(hugo, "content"), exist_ok=True)
    with open(os.path.join(hugo, "config.toml"), "w") as f:
        f.write(f'baseURL = "/"\nlanguageCode = "en"\ntitle = {json.dumps(title)}\n'
                'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
                "relativeURLs = true\n[params]\nauthor = \"bench\"\n"
                "[markup.goldmark.extensions]\ntypographer = true\n"
                "[markup.tableOfContents]\nstartLevel = 2\nendLevel = 3\n")
    for fname, text in (("baseof.html", HUGO_BASEOF), ("single.html", HUGO_SINGLE), ("list.html", HUGO_LIST)):
        with open(os.path.join(lay, fname), "w") as f:
            f.write(text)
    with open(os.path.join(hugo, "content", "_index.md"), "w") as f:
        f.write(f"+++\ntitle = {json.dumps(title)}\n+++\n\n{home}")
    for fname in ("style.css", "favicon.svg"):
        with open(os.path.join(hugo, "static", fname), "w") as f:
            f.write("/* bench */\n" if fname.endswith(".css") else "<svg xmlns='http://www.w3.org/2000/svg'/>\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int)
    ap.add_argument("--sql-rows", type=int, help="write the SQL-stage project instead of pages")
    ap.add_argument("--data-pages", type=int, help="write the pages-from-data project (one template page, N rows)")
    ap.add_argument("--seed", type=int, default=20250328)
    ap.add_argument("--charts", action="store_true", help="a CSV per 10 pages and a chart block per page")
    ap.add_argument("--no-hugo", action="store_true", help="skip the Hugo copy")
    ap.add_argument("out")
    a = ap.parse_args()

    if sum(x is not None for x in (a.pages, a.sql_rows, a.data_pages)) != 1:
        ap.error("give exactly one of --pages, --sql-rows and --data-pages")
    rng = random.Random(a.seed)
    out = a.out
    if os.path.exists(out):
        shutil.rmtree(out)
    if a.sql_rows is not None:
        sql_project(rng, a.sql_rows, out)
        return
    if a.data_pages is not None:
        data_pages_project(rng, a.data_pages, out, hugo=not a.no_hugo)
        return
    fc = os.path.join(out, "folio", "Content")
    os.makedirs(os.path.join(fc, "data"))
    hugo = os.path.join(out, "hugo")
    if not a.no_hugo:
        os.makedirs(os.path.join(hugo, "content"))
        os.makedirs(os.path.join(hugo, "layouts", "_default"))
        os.makedirs(os.path.join(hugo, "static"))

    n = a.pages
    nav = [page_name(i) for i in range(1, min(n, NAV_SIZE) + 1)]
    with open(os.path.join(fc, "site.yml"), "w") as f:
        f.write('title: "Synthetic benchmark report"\n'
                'description: "A deterministic synthetic corpus for folio\'s benchmark."\n'
                "language: en\nauthor: \"bench\"\n"
                "nav:\n" + "".join(f"  - {p}.md\n" for p in nav))
    with open(os.path.join(fc, "index.md"), "w") as f:
        f.write("---\ntitle: Synthetic benchmark report\nsummary: The landing page.\n---\n\n"
                f"Start with [the first page]({page_name(1)}.md).\n")

    charts = []
    datasets = {}
    if a.charts:
        for d in range((n + 9) // 10):
            csv, table = dataset(rng, d)
            datasets[d] = table
            with open(os.path.join(fc, "data", f"d{d:04d}.csv"), "w") as f:
                f.write(csv)
            with open(os.path.join(fc, "data", f"d{d:04d}.meta.yml"), "w") as f:
                f.write(f"title: Synthetic dataset {d}\nsource: {{title: Synthetic generator, date: 2025}}\n"
                        "units: {" + ", ".join(f"v{k}: USD millions" for k in range(10)) + "}\n")

    bodies = []
    for i in range(1, n + 1):
        name = page_name(i)
        title = f"Page {i}: {title_words(rng, 5)}"
        summary = sentence(rng, 10, 16)
        date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        chart_block = None
        if a.charts:
            d, col = (i - 1) // 10, f"v{i % 10}"
            ctitle = f"{title_words(rng, 3)} by region, dataset {d}"
            chart_block = (f"```chart\ntype: bar\ndata: d{d:04d}\nx: category\ny: {col}\n"
                           f"title: {ctitle}\n```")
            charts.append({"page": name, "title": ctitle, "categories": CATEGORIES,
                           "values": [row[int(col[1:])] for row in datasets[d]]})
        # The same random stream drives both copies: generate once with a placeholder link format.
        state = rng.getstate()
        fbody = body(rng, i, n, lambda t: f"{page_name(t)}.md", chart_block)
        rng.setstate(state)
        hbody = body(rng, i, n, lambda t: f"../{page_name(t)}/", chart_block)
        bodies.append(fbody)
        with open(os.path.join(fc, name + ".md"), "w") as f:
            f.write(f"---\ntitle: {yaml_str(title)}\nsummary: {yaml_str(summary)}\ndate: {date}\n"
                    f"nav_title: \"Page {i}\"\n---\n\n{fbody}")
        if not a.no_hugo:
            with open(os.path.join(hugo, "content", name + ".md"), "w") as f:
                f.write(f"+++\ntitle = {json.dumps(title)}\nsummary = {json.dumps(summary)}\n"
                        f"date = {date}\n" + (f"[menu.main]\nname = \"Page {i}\"\nweight = {i}\n" if name in nav else "")
                        + f"+++\n\n{hbody}")

    with open(os.path.join(out, "bodies.md"), "w") as f:
        f.write("\n".join(bodies))
    if a.charts:
        with open(os.path.join(out, "charts.json"), "w") as f:
            json.dump(charts, f)

    if not a.no_hugo:
        hugo_site(hugo, "Synthetic benchmark report", "Start with [the first page](page-00001/).\n")

    size = sum(len(b.encode()) for b in bodies)
    print(f"{out}: {n} pages, {size / n / 1024:.2f} KiB/body on average, {len(charts)} charts, {len(datasets)} CSVs")


if __name__ == "__main__":
    main()
