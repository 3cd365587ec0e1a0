#!/usr/bin/env python3
"""The benchmark of issue 11, printed side by side in one run (nothing is
asserted: it is a measurement, not a test).

For each bundled sample: `nianbao check`, `build --format pdf`, `--format docx`
and both at once, each as median wall time and peak RSS of N runs; Typst
alone on the `--emit-typst` sources (the PyPI `typst` package, the same
engine as the CLI; skipped with a line when absent); pandoc on the same
chapters (skipped when absent); the watch loop's one-paragraph edit →
new PDF latency (median of 10, measured by `nianbao watch --bench`); and a
scaling table over 1×, 2× and 4× the bureau sample's chapters.

Usage: tools/bench.py [runs] [--binary PATH]
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 3
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
# A release build, as people install it (`cargo install`), against the
# release build of Typst that PyPI ships.
BIN = os.path.join(TARGET, "release", "nianbao")
if "--binary" in sys.argv:
    BIN = sys.argv[sys.argv.index("--binary") + 1]


def measure(cmd, cwd=None):
    """(wall seconds, peak RSS MB) of one run, via GNU time."""
    with tempfile.NamedTemporaryFile("r") as tf:
        t0 = time.perf_counter()
        p = subprocess.run(
            ["/usr/bin/time", "-o", tf.name, "-f", "%M"] + cmd,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        wall = time.perf_counter() - t0
        if p.returncode != 0:
            raise RuntimeError(f"{cmd}: {p.stderr.decode()[-2000:]}")
        kb = int(tf.read().strip().splitlines()[-1])
    return wall, kb / 1024


def median_of(cmd, runs=RUNS, cwd=None):
    xs = [measure(cmd, cwd) for _ in range(runs)]
    return statistics.median(x[0] for x in xs), statistics.median(x[1] for x in xs)


def row(sample, step, wall, rss, note=""):
    print(f"{sample:<18} {step:<34} {wall:>9.2f} {rss:>12.0f}  {note}")


def typst_python():
    try:
        import typst  # noqa: F401

        return True
    except ImportError:
        return False


def bare_typst(src_dir, out_pdf):
    """The command compiling the emitted sources with Typst alone."""
    code = (
        "import typst,sys; typst.compile(sys.argv[1], output=sys.argv[2], "
        "font_paths=[sys.argv[3]], ignore_system_fonts=True, "
        "sys_inputs={'black': 'rgb', 'pad-to': '1'}, pdf_standards='a-2b')"
    )
    return [sys.executable, "-c", code, os.path.join(src_dir, "main.typ"), out_pdf, os.path.join(ROOT, "fonts")]


def paired(cmd_a, cmd_b, runs=RUNS):
    """Medians of two commands run in turn (a, b, a, b, …), so that the
    machine's ups and downs fall on both alike."""
    xa, xb = [], []
    for _ in range(runs):
        xa.append(measure(cmd_a))
        xb.append(measure(cmd_b))

    def med(xs):
        return statistics.median(x[0] for x in xs), statistics.median(x[1] for x in xs)

    return med(xa), med(xb)


def chapters_of(project):
    import json

    with open(os.path.join(project, "report.json"), encoding="utf-8") as f:
        return json.load(f)["chapters"]


def scaled_copy(sample, factor, dest):
    """The sample with its chapters repeated `factor` times (ids renamed)."""
    import json

    shutil.copytree(sample, dest)
    path = os.path.join(dest, "report.json")
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    chapters = list(report["chapters"])
    for k in range(2, factor + 1):
        for ch in report["chapters"]:
            with open(os.path.join(dest, ch), encoding="utf-8") as f:
                text = f.read()
            text = re.sub(r"([#@])(tbl|fig|case|sec)-", rf"\1\2-x{k}-", text)
            new = ch.replace(".md", f"-x{k}.md")
            with open(os.path.join(dest, new), "w", encoding="utf-8") as f:
                f.write(text)
            chapters.append(new)
    report["chapters"] = chapters
    with open(path, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False)


def pages(pdf):
    try:
        out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        return int(re.search(r"Pages:\s+(\d+)", out).group(1))
    except Exception:
        return 0


def main():
    if "--binary" not in sys.argv:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    out = tempfile.mkdtemp()
    print(f"nianbao: {BIN}; {RUNS} run(s) each, median; peak RSS in MB")
    print(f"{'sample':<18} {'step':<34} {'wall (s)':>9} {'peak RSS MB':>12}")
    targets = []
    for name in ("yunchuan-city", "yunchuan-school"):
        sample = os.path.join(ROOT, "samples", name)
        common = ["--out", out, "--no-system-fonts"]
        check = median_of([BIN, "check", sample])
        row(name, "nianbao check", *check)
        # The Typst sources, emitted once (not timed: writing them is not
        # part of building the PDF).
        emit = os.path.join(out, f"{name}-typst")
        subprocess.run([BIN, "build", sample, "--format", "pdf", "--emit-typst", emit] + common,
                       check=True, capture_output=True)
        pdf_cmd = [BIN, "build", sample, "--format", "pdf"] + common
        bare = None
        if typst_python():
            pdf, bare = paired(pdf_cmd, bare_typst(emit, os.path.join(out, f"{name}-bare.pdf")))
        else:
            pdf = median_of(pdf_cmd)
        row(name, "nianbao build --format pdf", *pdf, f"{pages(os.path.join(out, name + '.pdf'))} pages")
        docx = median_of([BIN, "build", sample, "--format", "docx"] + common)
        row(name, "nianbao build --format docx", *docx)
        both = median_of([BIN, "build", sample] + common)
        row(name, "nianbao build (both)", *both)
        if bare:
            row(name, "typst 0.15 alone (PyPI, PDF/A-2b)", *bare)
        else:
            print(f"{name:<18} {'typst alone':<34} skipped: `pip install typst` for this column")
        pandoc = None
        if shutil.which("pandoc"):
            # From the sample's folder, so that pandoc finds the photos the
            # chapters show (elsewhere it skips them and does less work).
            pandoc = median_of(
                ["pandoc", "-o", os.path.join(out, f"{name}-pandoc.docx")] + chapters_of(sample),
                cwd=sample,
            )
            row(name, "pandoc, same chapters → DOCX", *pandoc)
        else:
            print(f"{name:<18} {'pandoc':<34} skipped: pandoc not installed")
        targets.append((name, pdf, docx, both, bare, pandoc))

    print("\nwatch: one-paragraph edit → new PDF (median of 10)")
    w = subprocess.run(
        [BIN, "watch", os.path.join(ROOT, "samples", "yunchuan-city"), "--out", out, "--format", "pdf",
         "--no-system-fonts", "--bench", "10"],
        capture_output=True, text=True,
    )
    print((w.stdout + w.stderr).strip().splitlines()[-1] if (w.stdout + w.stderr).strip() else "watch: no output")

    print("\ntargets (issue 11)")
    for name, pdf, docx, both, bare, pandoc in targets:
        if bare:
            print(f"{name:<18} PDF path / bare Typst: time {pdf[0] / bare[0]:.2f}× (target ≤ 1.1×), RSS {pdf[1] / bare[1]:.2f}× (≤ 1.1×)")
        print(f"{name:<18} both / PDF alone: {both[0] / pdf[0]:.2f}× (target ≤ 1.1×)")
        if pandoc:
            print(f"{name:<18} DOCX vs pandoc: {pandoc[0] / docx[0]:.1f}× faster (target ≥ 10×)")

    print("\nscaling: the bureau sample's chapters repeated (both outputs)")
    print(f"{'chapters':<10} {'pages':>6} {'wall (s)':>9} {'peak RSS MB':>12}")
    base = None
    for factor in (1, 2, 4):
        dest = os.path.join(out, f"scaled-{factor}")
        scaled_copy(os.path.join(ROOT, "samples", "yunchuan-city"), factor, dest)
        wall, rss = median_of([BIN, "build", dest, "--out", out, "--no-system-fonts"], runs=1)
        n = pages(os.path.join(out, f"scaled-{factor}.pdf"))
        base = base or (wall, rss)
        print(f"{str(factor) + '×':<10} {n:>6} {wall:>9.2f} {rss:>12.0f}  ({wall / base[0]:.2f}× time, {rss / base[1]:.2f}× memory)")
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
