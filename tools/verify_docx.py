#!/usr/bin/env python3
"""Checks a nianbao DOCX with python-docx, and (with --pdf) the PDF that
LibreOffice exported from it after updating its indexes.

  verify_docx.py FILE.docx                       structure checks
  verify_docx.py FILE.docx --pdf LO.pdf TYPST.pdf  also text and page checks

Exits 1 with a list of failures.
"""
import re
import subprocess
import sys
import unicodedata

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

CAPTION = re.compile(r"^(表|图|案例)[ \u00a0]?[0-9一二三四五六七八九十百〇-]+\u3000")
failures = []


def fail(msg):
    failures.append(msg)


def all_paragraphs(d):
    return [Paragraph(p, d) for p in d.element.body.iter(qn("w:p"))]


def is_caption(p):
    """A numbered caption in the text (not its entry in a list, nor an
    appendix table's title, which is a heading)."""
    style = p.style.name.lower() if p.style is not None else ""
    return bool(CAPTION.match(p.text)) and not style.startswith(("toc", "table of figures", "heading"))


def instr_texts(p):
    return "".join(t.text or "" for t in p._p.iter(qn("w:instrText")))


def structure(path):
    d = docx.Document(path)
    paras = all_paragraphs(d)
    # Heading styles: built-in Heading 1-4 with outline levels.
    headings = [p for p in paras if p.style is not None and p.style.name.startswith("Heading")]
    levels = {p.style.name for p in headings}
    for n in ("Heading 1", "Heading 2", "Heading 3"):
        if n not in levels:
            fail(f"no paragraph in style {n}")
    for name in sorted(levels):
        st = d.styles[name]
        lvl = st.element.find(qn("w:pPr") + "/" + qn("w:outlineLvl"))
        want = int(name.split()[-1]) - 1
        if lvl is None or int(lvl.get(qn("w:val"))) != want:
            fail(f"style {name} lacks outline level {want}")
    # Sections: >= 3, roman then arabic from 1.
    secs = d.sections
    if len(secs) < 3:
        fail(f"{len(secs)} sections, expected at least 3")
    fmts = []
    for s in secs:
        pg = s._sectPr.find(qn("w:pgNumType"))
        fmts.append((pg.get(qn("w:fmt")) if pg is not None else None,
                     pg.get(qn("w:start")) if pg is not None else None))
    if len(fmts) >= 3:
        if fmts[0][0] is not None:
            fail("cover section is numbered")
        if fmts[1][0] != "upperRoman":
            fail(f"front matter numbering {fmts[1]}, expected upperRoman")
        if fmts[2] != ("decimal", "1"):
            fail(f"body numbering {fmts[2]}, expected decimal from 1")
    # One SEQ field per caption (tables, figures, cases), none elsewhere.
    captions = [p for p in paras if is_caption(p)]
    seq_total = 0
    for p in paras:
        n = len(re.findall(r"\bSEQ\b", instr_texts(p)))
        seq_total += n
        if is_caption(p) and n != 1:
            fail(f"caption without exactly one SEQ field: {p.text[:40]}")
    if seq_total != len(captions) or not captions:
        fail(f"{seq_total} SEQ fields for {len(captions)} captions")
    # Header rows repeat: every bordered data table starts with tblHeader rows.
    body = d.element.body
    data_tables = [t for t in body.iter(qn("w:tbl"))
                   if t.find(qn("w:tblPr") + "/" + qn("w:tblStyle")) is not None]
    for i, t in enumerate(data_tables):
        first = t.find(qn("w:tr"))
        if first is None or first.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is None:
            fail(f"data table {i + 1} has no tblHeader on its first row")
    # Unique drawing ids.
    ids = [e.get("id") for e in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    if len(ids) != len(set(ids)):
        fail("wp:docPr ids repeat")
    print(f"  {path}: {len(headings)} headings, {len(secs)} sections {fmts[:3]}, "
          f"{seq_total} SEQ/{len(captions)} captions, {len(data_tables)} data tables, {len(ids)} pictures")
    return d, paras


def norm(s):
    # pdftotext joins a line-final hyphen with the next line ("表 1-\n2"
    # comes out as "表 12") and may lose punctuation hanging in the margin:
    # compare letters and digits only.
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not c.isspace() and not unicodedata.category(c).startswith("P"))


def pdf_pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def pdf_checks(d, paras, lo_pdf, typst_pdf):
    raw = subprocess.run(["pdftotext", lo_pdf, "-"], capture_output=True, text=True, check=True).stdout
    header_texts = {norm(p.text) for s in d.sections for p in s.header.paragraphs if p.text.strip()}
    lines = [l for l in raw.splitlines()
             if norm(l) not in header_texts
             and not re.fullmatch(r"[—\-\s]*([0-9]+|[IVXLC]+)[—\-\s]*", l.strip())]
    text = norm("\n".join(lines))
    missing = 0
    for p in paras:
        style = p.style.name if p.style is not None else ""
        t = norm(p.text)
        if not t or not (style.startswith("Heading") or style in ("Body Text", "caption") or is_caption(p)):
            continue
        if t not in text:
            missing += 1
            if missing <= 10:
                fail(f"LibreOffice PDF lacks {style} text: {p.text[:50]}")
    # TOC and list entries with page numbers: "text....12".
    entries = [p.text for p in paras if p.style is not None and
               (p.style.name in ("Heading 1", "Heading 2", "Heading 3") or is_caption(p))]
    toc_text = re.sub(r"\s+", "", raw)
    no_page = [e for e in entries
               if not re.search(re.escape(re.sub(r"\s+", "", e)) + r"(\.|…){3,}([0-9]+|[IVXLC]+)", toc_text)]
    for e in no_page[:10]:
        fail(f"no TOC/list entry with a page number for: {e[:50]}")
    lo, ty = pdf_pages(lo_pdf), pdf_pages(typst_pdf)
    ratio = lo / ty
    if not 0.85 <= ratio <= 1.15:
        fail(f"page count {lo} (LibreOffice) vs {ty} (Typst): {ratio:.0%}")
    print(f"  {lo_pdf}: {lo} pages vs Typst {ty} ({ratio:.0%}); "
          f"{len(entries) - len(no_page)}/{len(entries)} TOC entries with page numbers; {missing} texts missing")


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    d, paras = structure(args[0])
    if len(args) == 4 and args[1] == "--pdf":
        pdf_checks(d, paras, args[2], args[3])
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
