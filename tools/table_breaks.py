#!/usr/bin/env python3
"""Numbers broken across lines inside a table cell, and glyphs running over
a cell rule, in any PDF (here: LibreOffice's rendering of nianbao's DOCX).

The cell grid comes from the page's black vertical and horizontal rules
(stroked lines or thin filled rectangles; charts are coloured or grey).
Findings:
  - SPLIT: a run of digits / % / . / : broken across two consecutive lines
    of one cell ("202" / "0", "67.96" / "%");
  - CROSS: a glyph whose box straddles a vertical rule within the rule's
    height (text wider than its cell).
Only SPLIT fails the run unless --cross is given (LibreOffice's glyph boxes
are approximate). Prints each finding and a summary line per file; exit 1 on
a failing finding.

Usage: table_breaks.py [--cross] [--show N] FILE.pdf...
Needs pymupdf (pip install pymupdf; tools/install-verify-deps.sh).
"""
import sys
from collections import defaultdict

import pymupdf

NUM = set("0123456789０１２３４５６７８９.%:：")
PUNCT = set("（）()“”‘’《》〈〉「」『』【】、，。：；！？—…·")


def black(c):
    """A black or near-black colour (table rules; a chart's lines, bars and
    gridlines are coloured or grey)."""
    if not c:
        return False
    if len(c) == 4:  # CMYK
        return c[3] >= 0.8 and max(c[:3]) < 0.2
    return max(c) < 0.2


def rules(page):
    v, h = [], []
    for d in page.get_drawings():
        kind = d.get("type") or ""
        stroked = "s" in kind and black(d.get("color"))
        filled = "f" in kind and black(d.get("fill"))
        for it in d["items"]:
            if it[0] == "l" and stroked:
                p, q = it[1], it[2]
                if abs(p.x - q.x) < 0.6 and abs(p.y - q.y) > 4:
                    v.append((p.x, min(p.y, q.y), max(p.y, q.y)))
                elif abs(p.y - q.y) < 0.6 and abs(p.x - q.x) > 4:
                    h.append((p.y, min(p.x, q.x), max(p.x, q.x)))
            elif it[0] == "re" and (stroked or filled):
                r = it[1]
                if r.width < 1.2 and r.height > 4:
                    v.append((r.x0 + r.width / 2, r.y0, r.y1))
                elif r.height < 1.2 and r.width > 4:
                    h.append((r.y0 + r.height / 2, r.x0, r.x1))
    return v, h


def chars(page):
    out = []
    for b in page.get_text("rawdict")["blocks"]:
        for line in b.get("lines", []):
            for s in line["spans"]:
                for c in s["chars"]:
                    if c["c"].strip():
                        out.append((c["c"], pymupdf.Rect(c["bbox"])))
    return out


def check_page(page):
    v, h = rules(page)
    if not v or not h:
        return []
    found = []
    cs = chars(page)
    for ch, r in cs:
        if ch in PUNCT:
            continue
        cy = (r.y0 + r.y1) / 2
        if any(y0 + 1 < cy < y1 - 1 and r.x0 + 0.8 < x < r.x1 - 0.8 for x, y0, y1 in v):
            found.append(("CROSS", ch, r))
    cells = defaultdict(list)
    for ch, r in cs:
        cx, cy = (r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2
        left = max((x for x, y0, y1 in v if x <= cx and y0 <= cy <= y1), default=None)
        right = min((x for x, y0, y1 in v if x >= cx and y0 <= cy <= y1), default=None)
        top = max((y for y, x0, x1 in h if y <= cy and x0 <= cx <= x1), default=None)
        bot = min((y for y, x0, x1 in h if y >= cy and x0 <= cx <= x1), default=None)
        if None in (left, right, top, bot):
            continue
        cells[(round(left, 1), round(top, 1), round(right, 1), round(bot, 1))].append((ch, r))
    for items in cells.values():
        lines = defaultdict(list)
        for ch, r in items:
            lines[round((r.y0 + r.y1) / 2 / 2.0)].append((r.x0, ch, r))
        ordered = [sorted(lines[k], key=lambda t: t[0]) for k in sorted(lines)]
        for a, b in zip(ordered, ordered[1:]):
            x, y = a[-1][1], b[0][1]
            ra, rb = a[-1][2], b[0][2]
            # Consecutive lines of text, not labels spaced apart (a chart's
            # axis between its gridlines).
            if (rb.y0 + rb.y1) / 2 - (ra.y0 + ra.y1) / 2 > 1.8 * max(ra.height, rb.height):
                continue
            if x in NUM and y in NUM and (x.isdigit() or y.isdigit()):
                shown = "".join(c for _, c, _ in a[-4:]) + "/" + "".join(c for _, c, _ in b[:4])
                found.append(("SPLIT", shown, a[-1][2]))
    return found


def main():
    args = sys.argv[1:]
    cross = "--cross" in args
    show = 10
    if "--show" in args:
        show = int(args[args.index("--show") + 1])
        del args[args.index("--show"):args.index("--show") + 2]
    files = [a for a in args if not a.startswith("--")]
    failed = False
    for path in files:
        doc = pymupdf.open(path)
        total = defaultdict(int)
        pages = defaultdict(set)
        shown = 0
        for i, page in enumerate(doc):
            for kind, what, r in check_page(page):
                total[kind] += 1
                pages[kind].add(i + 1)
                if shown < show and (kind == "SPLIT" or cross):
                    print(f"{path}: page {i + 1}: {kind} {what!r} at ({r.x0:.0f},{r.y0:.0f})")
                    shown += 1
        print(f"{path}: " + ", ".join(
            f"{k} {total[k]} on {len(pages[k])} pages" for k in ("SPLIT", "CROSS")))
        if total["SPLIT"] or (cross and total["CROSS"]):
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
