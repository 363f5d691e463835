#!/usr/bin/env python3
"""Writes the seed corpus (Fuzz/Corpus/<target>/) from the bundled report and hand-written edge cases.
Run from the repository root; rerunning rewrites the generated seeds (hand-added files are kept)."""
import hashlib, pathlib, re

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "Fuzz" / "Corpus"
CONTENT = ROOT / "Content"

def put(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)

def blocks(kind):
    found = []
    for md in sorted(CONTENT.glob("*.md")):
        text = md.read_text()
        for body in re.findall(r"^```" + kind + r"\n(.*?)^```", text, re.S | re.M):
            found.append((md.stem, body))
    return found

# CSV: the bundled datasets (a few) and the edge cases.
for csv in sorted((CONTENT / "data").glob("*.csv"))[:6]:
    put("FuzzCSV", csv.name, csv.read_bytes())
put("FuzzCSV", "quoted.csv", 'name,note,value\n"Smith, J.","said ""hi""",1.5\n"multi\nline",x,-2\n')
put("FuzzCSV", "crlf.csv", "a,b\r\n1,2\r\n3,\r\n")
put("FuzzCSV", "bom.csv", b"\xef\xbb\xbfyear,value\n2024,10\n2025,012345\n")
put("FuzzCSV", "blank-lines.csv", "only\n\nx\n\n\n")
put("FuzzCSV", "ragged.csv", "a,b\n1\n")
put("FuzzCSV", "unterminated.csv", 'a,b\n"1,2\n')
put("FuzzCSV", "numbers.csv", "n,m\n-0.5,1e3\n0,01\n1.10,\n")

# JSON and YAML datasets.
put("FuzzJSON", "rows.json", '{"rows": [{"year": 2024, "value": 1.5e3, "ok": true}, {"year": 2025, "value": null, "note": "a\\u00e9\\ud83d\\ude00"}]}')
put("FuzzJSON", "array.json", '[{"a": "x", "b": -0.0}, {"b": 12, "c": false}]')
put("FuzzJSON", "bom.json", b'\xef\xbb\xbf[{"k": "v"}]\n')
put("FuzzJSON", "duplicate.json", '[{"a": 1, "a": 2}]')
put("FuzzJSON", "nested.json", '[{"a": [1, {"b": 2}]}]')
put("FuzzDataYAML", "rows.yml", "rows:\n  - year: 2024\n    value: 1.10\n  - year: '2025'\n    value: ~\n")
put("FuzzDataYAML", "list.yml", "- {a: NO, b: 012345}\n- a: on\n  c: |\n    text\n")
put("FuzzDataYAML", "anchors.yml", "- &r {a: 1, b: 2}\n- *r\n- {a: 3, b: *x}\n")
for meta in sorted((CONTENT / "data").glob("*.meta.yml"))[:3]:
    put("FuzzYAML", meta.name, meta.read_bytes())

# YAML reader.
put("FuzzYAML", "anchors.yml", "base: &base {x: 1, y: [a, b]}\nother:\n  <<: *base\n  z: *base\n")
put("FuzzYAML", "bomb.yml", 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\n')
put("FuzzYAML", "complex-key.yml", "? [a, b]\n: value\n")
put("FuzzYAML", "block-scalars.yml", "literal: |\n  line 1\n   line 2\nfolded: >-\n  a\n  b\nquoted: \"tab\\tand \\u00e9\"\n")
put("FuzzYAML", "tabs.yml", "a:\n\tb: 1\n")
put("FuzzYAML", "duplicate.yml", "a: 1\nb: 2\na: 3\n")
put("FuzzYAML", "deep.yml", "[" * 70 + "]" * 70 + "\n")
put("FuzzYAML", "documents.yml", "---\na: 1\n...\n---\nb: 2\n")
put("FuzzYAML", "tags.yml", "a: !!binary aGVsbG8=\nb: !custom x\nc: 2001-12-14t21:59:43.10-05:00\n")

# Front matter and articles: the bundled articles (front matter and first lines), and edge cases.
for md in sorted(CONTENT.glob("*.md"))[:5]:
    put("FuzzFrontMatter", md.name, md.read_bytes()[:3000])
put("FuzzFrontMatter", "crlf.md", "---\r\ntitle: CRLF\r\ndate: 2025-01-02\r\n---  \r\nBody\r\n")
put("FuzzFrontMatter", "bom.md", b"\xef\xbb\xbf---\ntitle: BOM\n---\n")
put("FuzzFrontMatter", "unclosed.md", "---\ntitle: x\n")
put("FuzzFrontMatter", "not-mapping.md", "---\n- a\n- b\n---\n")
put("FuzzFrontMatter", "empty.md", "---\n---\n# Heading\n")
put("FuzzFrontMatter", "fields.md", "---\ntitle: T\nsummary: S\nupdated: 2025-13-40\norder: 012\ndraft: NO\nlayout: [x]\nsources:\n  - {title: A, url: 'https://a.example', date: '2025'}\n  - plain\nextra: {k: v}\n---\n")

# Chart and table blocks from the report.
for stem, body in blocks("chart")[:10]:
    put("FuzzChartBlock", f"{stem}-{hashlib.sha1(body.encode()).hexdigest()[:8]}.yml", body)
put("FuzzChartBlock", "inline-csv.yml", "type: line\ntitle: Inline\nx: year\ny: [a, {key: b, label: B}]\ncsv: |\n  year,a,b\n  2024,1,2\n")
put("FuzzChartBlock", "range.yml", "type: range\ndata: d\nx: c\nlow: lo\nhigh: hi\ntitle: R\nannotations: [{x: a, text: note}]\nsource: {title: S, url: 'https://x', date: '2025'}\n")
for stem, body in blocks("table")[:8]:
    put("FuzzTableBlock", f"{stem}-{hashlib.sha1(body.encode()).hexdigest()[:8]}.yml", body)
put("FuzzTableBlock", "inline-csv.yml", "csv: \"a,b\\n1,2\\n\"\ncolumns:\n  - a\n  - {key: b, label: B, format: usd_m:1}\nsort: {key: a, order: desc}\nwhere: {a: '1'}\n")
put("FuzzTableBlock", "literal.yml", "caption: C\ncsv: >\n    x,y\n    1,2\n")

# Inline values.
inline = set()
for md in sorted(CONTENT.glob("*.md")):
    inline.update(re.findall(r"`(=[^`]+)`", md.read_text()))
for index, code in enumerate(sorted(inline)[:20]):
    put("FuzzInlineValue", f"report-{index:02}.txt", code)
for name, code in {
    "range": "=capex.low..high[company=Meta][last]|usd_b:1",
    "spaces": "=d.col[ a = b ]|  percent ",
    "bad-name": "=../etc.passwd[last]",
    "unclosed": "=d.c[x=1",
    "no-selector": "=d.c|number",
    "plain": "not a value",
}.items():
    put("FuzzInlineValue", name + ".txt", code)

# Slugs, escapers, Markdown.
put("FuzzSlug", "headings.txt", "Revenue & losses\nRevenue & losses\nsection\n¿Qué pasó?\n2024 — Q4\n\n---\nΣ ΑΒΓ\n\u0d4e<b>\n")
put("FuzzSlug", "combining.txt", "Cafe\u0301 de\u0301ja\u0300 vu\nİstanbul\nß\n")
put("FuzzEscape", "markup.txt", "<script>alert('x')</script> & \"quoted\"")
put("FuzzEscape", "controls.txt", b"a\x00b\x07c\x1b\t\n\r\xc2\x85\xef\xbf\xbe\xef\xbf\xbf\xf4\x8f\xbf\xbf")
put("FuzzEscape", "combining.txt", "\"\u0301'\u20dd<\u0338")
for md in sorted(CONTENT.glob("*.md"))[:4]:
    text = md.read_bytes()
    put("FuzzMarkdown", md.name, text[text.find(b"\n---", 3) + 5:][:4000])
put("FuzzMarkdown", "pieces.md", "# Title\n\n## Title\n\n```chart\ntype: bar\n```\n\n```fail\nx\n```\n\nA `=d.c[last]` value, [link](javascript:alert(1)), ![img](a.png), <script>x</script>\n\n* list\n  > quote\n\n| a | b |\n")
put("FuzzMarkdown", "pathological.md", "![[]()" * 200)
put("FuzzMarkdown", "headings.md", "# fig-1\n# fig 1\n# \n#   \n# `code` *em*\nSetext\n===\n")
