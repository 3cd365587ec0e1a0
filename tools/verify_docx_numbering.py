#!/usr/bin/env python3
"""Checks that LibreOffice prints a DOCX's caption numbers as nianbao wrote
them, after updating every field and index (tools/lo_update_export.py):
every numbered caption (styles Table Caption, Figure Caption, Case Title)
reads the same in LibreOffice's PDF as in the Typst PDF, is listed with a
page number, and no Chinese number (表一) has turned into an arabic one
(表1) — LibreOffice ignores `SEQ \\* CHINESENUM3`, so nianbao writes those
numbers as text and builds their lists from the caption style.

  verify_docx_numbering.py FILE.docx LO.pdf TYPST.pdf

Exits 1 with a list of failures.
"""
import re
import subprocess
import sys
import unicodedata

import docx

CAPTION_STYLES = ("Table Caption", "Figure Caption", "Case Title")
CHINESE = "一二三四五六七八九十百零〇"
failures = []


def fail(msg):
    failures.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not c.isspace())


def pdf_text(pdf):
    return subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout


def arabic(label):
    """表十二 → 表12 (for the numbers nianbao prints: up to 99)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    def value(s):
        if s == "十":
            return 10
        if s.startswith("十"):
            return 10 + digits[s[1]]
        if "十" in s:
            a, _, b = s.partition("十")
            return digits[a] * 10 + (digits[b] if b else 0)
        return digits[s]
    m = re.match(r"^(表|图|案例)([%s]+)" % CHINESE, label)
    if not m:
        return None
    try:
        return m.group(1) + str(value(m.group(2)))
    except (KeyError, IndexError):
        return None


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    path, lo_pdf, typst_pdf = sys.argv[1:]
    d = docx.Document(path)
    captions = [p.text for p in d.paragraphs if p.style is not None and p.style.name in CAPTION_STYLES]
    # Paragraphs inside the case boxes (one-cell tables) too.
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                captions += [p.text for p in cell.paragraphs
                             if p.style is not None and p.style.name in CAPTION_STYLES]
    # Numbered ones (an unnumbered case keeps the Case Title style).
    label = re.compile(r"^(表|图|案例)\s?[0-9%s-]+" % CHINESE)
    captions = [c for c in dict.fromkeys(captions) if label.match(c)]
    if not captions:
        fail("no numbered captions")
    lo_raw, ty_raw = pdf_text(lo_pdf), pdf_text(typst_pdf)
    lo, ty = norm(lo_raw), norm(ty_raw)
    lo_lines = re.sub(r"\s+", "", lo_raw)
    chinese = 0
    for c in captions:
        n = norm(c.split("\n")[0])
        if n not in lo:
            fail(f"LibreOffice does not print the caption {c!r}")
        if n not in ty:
            fail(f"the Typst PDF does not print the caption {c!r}")
        if not re.search(re.escape(re.sub(r"\s+", "", c.split("\n")[0])) + r"(\.|…){3,}[0-9]+", lo_lines):
            fail(f"LibreOffice lists no entry with a page number for {c!r}")
        a = arabic(n)
        if a is not None:
            chinese += 1
            rest = n[len(re.match(r"^(表|图|案例)[%s]+" % CHINESE, n).group(0)):]
            if norm(a + rest) in lo:
                fail(f"LibreOffice renumbered {c!r} as {a}")
    print(f"  {path}: {len(captions)} captions ({chinese} in Chinese numbers) read the same "
          f"in LibreOffice and Typst, each listed with its page")
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
