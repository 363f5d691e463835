#!/usr/bin/env python3
"""Draws with matplotlib the same bar charts folio draws (charts.json from gencorpus.py --charts),
one SVG file each, and prints a JSON line: {"charts": N, "seconds": drawing-loop wall time,
"cpu": drawing-loop CPU time}.  Interpreter start-up and `import matplotlib` are outside the
timed loop, which favours matplotlib.

Usage: mpl_charts.py charts.json OUTDIR
"""

import json
import os
import sys
import time

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    charts = json.load(open(sys.argv[1]))
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    t0, c0 = time.perf_counter(), time.process_time()
    for k, c in enumerate(charts):
        fig, ax = plt.subplots(figsize=(6.4, 3.6))
        ax.bar(c["categories"], c["values"], color="#3b6ea8")
        ax.set_title(c["title"], loc="left", fontsize=11)
        ax.set_ylabel("USD millions")
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        fig.savefig(os.path.join(out, f"chart-{k:05d}.svg"), format="svg")
        plt.close(fig)
    print(json.dumps({"charts": len(charts), "seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0}))


if __name__ == "__main__":
    main()
