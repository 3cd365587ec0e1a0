#!/usr/bin/env python3
"""Print coverage facts for font files (used by make-fonts.sh and for fonts/README.md).

Usage: fontinfo.py FILE[:INDEX] ...   (INDEX selects a face of a .ttc collection)
Prints one tab-separated line per font: file, name ID 1, name ID 2, name ID 16,
usWeightClass, glyph count, cmap size, URO (U+4E00-9FFF) count, Ext A
(U+3400-4DBF) count, size in bytes.
"""
import os
import sys

from fontTools.ttLib import TTFont

COLS = ["file", "id1", "id2", "id16", "weight", "glyphs", "cmap", "URO", "ExtA", "bytes"]


def info(path, number=0):
    font = TTFont(path, fontNumber=number, lazy=True)
    cmap = font.getBestCmap()
    name = font["name"]
    return [
        os.path.basename(path) + (f":{number}" if path.endswith(".ttc") else ""),
        name.getDebugName(1),
        name.getDebugName(2),
        name.getDebugName(16) or "-",
        font["OS/2"].usWeightClass,
        font["maxp"].numGlyphs,
        len(cmap),
        sum(1 for c in cmap if 0x4E00 <= c <= 0x9FFF),
        sum(1 for c in cmap if 0x3400 <= c <= 0x4DBF),
        os.path.getsize(path),
    ]


def main(argv):
    print("\t".join(COLS))
    for arg in argv:
        path, _, number = arg.partition(":")
        print("\t".join(str(v) for v in info(path, int(number or 0))))


if __name__ == "__main__":
    main(sys.argv[1:])
