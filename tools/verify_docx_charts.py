#!/usr/bin/env python3
"""Checks that LibreOffice draws each native chart of a nianbao DOCX.

  verify_docx_charts.py FILE.docx LO.pdf TYPST.pdf [--png-dir DIR] [--expect N]

For every chart in the DOCX (word/charts/chartN.xml, in document order):
- the chart's page in the LibreOffice PDF (the page with its caption that
  is not a list page, or the page before it) has the chart's category
  labels, its series names (when a legend shows them) and its data labels
  (values; shares for a pie) in its text;
- the same page of the Typst PDF has the same labels and values;
- the page, rendered with pdftoppm, is not blank where the series are: every
  series colour (every slice colour of a pie) covers a visible area.
With --png-dir, the rendered chart pages are kept there as PNG (60 dpi);
with --expect, the DOCX must have exactly N native charts.

Exits 1 with a list of failures.
"""
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
failures = []


def fail(msg):
    failures.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not c.isspace())


def fmt_general(v):
    """A value as Excel's General format shows it for these data."""
    return ("%.10g" % v) if v != int(v) else str(int(v))


def charts(docx):
    """[(part, caption, kind, categories, [(name, values, colours)], legend, height in pt)]"""
    z = zipfile.ZipFile(docx)
    rels = ET.fromstring(z.read("word/_rels/document.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
    body = ET.fromstring(z.read("word/document.xml")).find("w:body", NS)
    paras = list(body.iter("{%s}p" % NS["w"]))
    out = []
    for i, p in enumerate(paras):
        ch = p.find(".//c:chart", NS)
        if ch is None:
            continue
        height = int(p.find(".//wp:inline/wp:extent", NS).get("cy")) / 12700
        caption = "".join(t.text or "" for t in paras[i + 1].iter("{%s}t" % NS["w"])) if i + 1 < len(paras) else ""
        part = "word/" + target[ch.get("{%s}id" % NS["r"])]
        space = ET.fromstring(z.read(part))
        plot = space.find("c:chart/c:plotArea", NS)
        kind_el = next(e for e in plot if e.tag.endswith("Chart"))
        kind = kind_el.tag.split("}")[1]
        series = []
        cats = []
        for ser in kind_el.findall("c:ser", NS):
            name = "".join(v.text or "" for v in ser.findall("c:tx//c:v", NS))
            cats = [v.text or "" for v in ser.findall("c:cat//c:pt/c:v", NS)]
            vals = [float(v.text) for v in ser.findall("c:val//c:pt/c:v", NS)]
            # LibreOffice draws a series without an explicit colour invisible.
            if kind == "pieChart":
                cols = [d.find("c:spPr/a:solidFill/a:srgbClr", NS) for d in ser.findall("c:dPt", NS)]
                if len(cols) != len(vals):
                    fail(f"{part}: {len(cols)} slice colours for {len(vals)} slices")
                cols = [c for c, v in zip(cols, vals) if v > 0]
            elif kind == "barChart":
                cols = [ser.find("c:spPr/a:solidFill/a:srgbClr", NS)]
            else:
                cols = [ser.find("c:spPr/a:ln/a:solidFill/a:srgbClr", NS)]
            if any(c is None for c in cols):
                fail(f"{part}: series “{name}” has no explicit colour")
            cols = [c.get("val") for c in cols if c is not None]
            series.append((name, vals, cols))
        out.append((part, caption, kind, cats, series, space.find("c:chart/c:legend", NS) is not None, height))
    return out


def page_lines(pdf):
    """Per page: [(yMin, yMax, text)] of every row of text (words at the same
    height, left to right), from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", html, re.S):
        words = [(float(x0), float(y0), float(y1), unescape(w)) for x0, y0, y1, w in re.findall(
            r'<word xMin="([^"]*)" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">(.*?)</word>', page, re.S)]
        # A word joins the row its vertical middle falls in (a caption's
        # number may sit a little lower than its text).
        rows = []
        for x0, y0, y1, w in sorted(words, key=lambda t: (t[1] + t[2]) / 2):
            mid = (y0 + y1) / 2
            row = next((r for r in rows if r[0] <= mid <= r[1]), None)
            if row is None:
                rows.append([y0, y1, [(x0, w)]])
            else:
                row[0], row[1] = min(row[0], y0), max(row[1], y1)
                row[2].append((x0, w))
        pages.append(sorted((y0, y1, " ".join(w for _, w in sorted(ws))) for y0, y1, ws in rows))
    return pages


def unescape(s):
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def find_caption(pages, caption):
    """(page index, caption top in pt) of the caption in the text, not in a list."""
    want = norm(caption)
    hits = []
    for i, lines in enumerate(pages):
        for y0, _, text in lines:
            t = norm(text)
            # The caption's first line; a list entry goes on with dot leaders.
            if t and want.startswith(t[:max(len(t) - 1, 1)]) and len(t) >= min(6, len(want)) \
                    and not re.search(r"[.…·]{3,}", t):
                hits.append((i, y0))
    return hits[-1] if hits else None


def region_text(pages, page, top, height):
    """The text of the lines within `height` pt above `top` on `page`."""
    return "\n".join(t for y0, y1, t in pages[page] if y0 >= top - height and y1 <= top + 1)


def numbers(text):
    out = set()
    for x in re.findall(r"\d+(?:\.\d+)?", text.replace(",", "")):
        out.add(float(x))
    return out


def expected_texts(kind, cats, series, legend):
    labels = list(cats)
    if legend and kind != "pieChart":
        labels += [n for n, _, _ in series if n]
    if kind == "pieChart":
        vals = series[0][1]
        total = sum(v for v in vals if v > 0)
        # Shares printed in the slices that have room (> 0.35 rad).
        values = [round(v / total * 100, 1) for v in vals
                  if total > 0 and v / total * 6.283185307179586 > 0.35]
    else:
        values = [float(fmt_general(v)) for _, vs, _ in series for v in vs]
    return labels, values


def check_text(where, text, labels, values):
    if not text.strip():
        fail(f"{where}: no text in the chart's area")
        return
    t = norm(text)
    for l in labels:
        if norm(l) not in t:
            fail(f"{where}: no label “{l}”")
    have = numbers(text)
    missing = [v for v in values if v not in have]
    if missing:
        fail(f"{where}: values not printed: {missing}")


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    # P6\n<w> <h>\n<max>\n<bytes>
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():]


def colour_area(pixels, rgb, tol=24):
    """How many pixels are within `tol` of the colour in every channel."""
    r0, g0, b0 = rgb
    n = 0
    for i in range(0, len(pixels) - 2, 3):
        if abs(pixels[i] - r0) <= tol and abs(pixels[i + 1] - g0) <= tol and abs(pixels[i + 2] - b0) <= tol:
            n += 1
    return n


def main():
    args = sys.argv[1:]
    png_dir = None
    if "--png-dir" in args:
        k = args.index("--png-dir")
        png_dir = args[k + 1]
        del args[k:k + 2]
    expect = None
    if "--expect" in args:
        k = args.index("--expect")
        expect = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    docx, lo_pdf, typst_pdf = args
    found = charts(docx)
    if expect is not None and len(found) != expect:
        fail(f"{len(found)} native charts, expected {expect}")
    lo_pages, ty_pages = page_lines(lo_pdf), page_lines(typst_pdf)
    name = os.path.splitext(os.path.basename(docx))[0]
    tmp = tempfile.mkdtemp(prefix="nianbao-charts-")
    for part, caption, kind, cats, series, legend, height in found:
        where = f"{name} {part} ({caption[:24]})"
        labels, values = expected_texts(kind, cats, series, legend)
        # The drawing: the chart's height (plus a margin) above its caption.
        lo = find_caption(lo_pages, caption)
        if lo is None:
            fail(f"{where}: caption not found in the LibreOffice PDF")
            continue
        page, top = lo
        y0 = max(top - height - 12, 0)
        check_text(f"{where}, LibreOffice p. {page + 1}", region_text(lo_pages, page, top, top - y0), labels, values)
        ty = find_caption(ty_pages, caption)
        if ty is None:
            fail(f"{where}: caption not found in the Typst PDF")
        else:
            check_text(f"{where}, Typst p. {ty[0] + 1}",
                       region_text(ty_pages, ty[0], ty[1], height + 24), labels, values)
        if top - height < -12:
            fail(f"{where}: the chart is not above its caption on p. {page + 1}")
        # The rendering of that area (72 dpi: 1 px per pt): every series
        # (slice) colour covers some of it.
        base = os.path.join(tmp, f"c{len(failures)}-{os.path.basename(part)}")
        subprocess.run(["pdftoppm", "-r", "72", "-f", str(page + 1), "-l", str(page + 1),
                        "-x", "0", "-y", str(int(y0)), "-W", "1000", "-H", str(int(top - y0)),
                        "-singlefile", lo_pdf, base], check=True)
        _, _, pixels = read_ppm(base + ".ppm")
        drawn = {}
        for _, _, cols in series:
            for c in cols:
                rgb = tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))
                drawn[c] = colour_area(pixels, rgb)
        if png_dir:
            os.makedirs(png_dir, exist_ok=True)
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(page + 1), "-l", str(page + 1),
                            "-singlefile", lo_pdf,
                            os.path.join(png_dir, f"{name}-{os.path.basename(part)[:-4]}-p{page + 1}")],
                           check=True)
        # A line 1.6 pt wide across the chart covers some 300 px at 72 dpi;
        # a bar or a slice far more.
        least = 100
        for c, n in sorted(drawn.items()):
            if n < least:
                fail(f"{where}: colour #{c} covers {n} px of the chart's area, expected ≥ {least}")
        print(f"  {where}: {kind}, {len(cats)} categories, {len(series)} series; "
              f"LibreOffice p. {page + 1} (y {y0:.0f}–{top:.0f} pt), "
              f"Typst p. {ty[0] + 1 if ty is not None else '?'}; "
              f"colour areas (px at 72 dpi): " + ", ".join(f"#{c} {n}" for c, n in sorted(drawn.items())))
    if not found:
        print(f"  {name}: no native charts")
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
