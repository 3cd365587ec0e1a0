#!/bin/sh
# Verifies the DOCX output of both samples: schema (openxml-audit, 0 errors),
# structure (python-docx), and LibreOffice's rendering after updating the
# indexes (text, TOC page numbers, page count within 15 % of the Typst PDF,
# every native chart drawn with the Typst PDF's labels and values). The
# layout fixtures (tests/fixtures/layout-*: statistics tables without
# widths=) go through LibreOffice too, and no number may be broken across
# lines in a table cell of any rendering (tools/table_breaks.py).
#
# Needs (Debian 12; tools/install-verify-deps.sh does this):
#   apt-get update && apt-get install -y --no-install-recommends \
#       libreoffice-writer-nogui python3-uno poppler-utils fonts-noto-cjk
#   pip install openxml-audit python-docx pymupdf
#
# Usage: tools/verify-docx.sh [OUTDIR]   (default out/verify-docx)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/out/verify-docx}
SAMPLES="yunchuan-city yunchuan-school"
FIXTURES="layout-bureau layout-school"
mkdir -p "$OUT"
cd "$ROOT"

for s in $SAMPLES; do
    cargo run --quiet -- build "samples/$s" --out "$OUT" --format all
done
for f in $FIXTURES; do
    cargo run --quiet -- build "tests/fixtures/$f" --out "$OUT" --format all
done

status=0
for s in $SAMPLES; do
    echo "== openxml-audit $s.docx"
    openxml-audit -m 0 "$OUT/$s.docx" || status=1
done

# LibreOffice sees the report's font names as the free faces nianbao bundles
# (as the Typst build does), so that page counts are comparable.
FC_DIR=$(mktemp -d)
trap 'rm -rf "$FC_DIR"' EXIT
cat > "$FC_DIR/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$ROOT/fonts</dir>
  <cachedir>$FC_DIR/cache</cachedir>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋</family><prefer><family>FandolFang</family></prefer></alias>
  <alias binding="same"><family>楷体</family><prefer><family>LXGW WenKai</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>Times New Roman</family><prefer><family>Liberation Serif</family><family>DejaVu Serif</family></prefer></alias>
</fontconfig>
CONF
echo "== LibreOffice: update indexes, export PDF"
docs=""
for s in $SAMPLES $FIXTURES; do docs="$docs $OUT/$s.docx"; done
# shellcheck disable=SC2086
FONTCONFIG_FILE="$FC_DIR/fonts.conf" /usr/bin/python3 tools/lo_update_export.py "$OUT" $docs || status=1

for s in $SAMPLES; do
    echo "== python-docx and PDF checks: $s"
    python3 tools/verify_docx.py "$OUT/$s.docx" --pdf "$OUT/$s.lo.pdf" "$OUT/$s.pdf" || status=1
done

# Native charts: LibreOffice draws each one (its labels and values in the
# text of the chart's area, every series colour on the rendered page), with
# the labels and values the Typst PDF shows. Chart pages: $OUT/charts/*.png.
for s in $SAMPLES; do
    echo "== native charts: $s"
    case $s in
        yunchuan-city) expect="--expect 3" ;;
        *) expect="" ;;
    esac
    # shellcheck disable=SC2086
    python3 tools/verify_docx_charts.py "$OUT/$s.docx" "$OUT/$s.lo.pdf" "$OUT/$s.pdf" \
        --png-dir "$OUT/charts" $expect || status=1
done

# Numbers broken across lines inside a table cell ("202"/"0", "67.96"/"%"):
# LibreOffice's rendering of each DOCX, and the Typst PDF for comparison.
echo "== numbers broken across lines in table cells"
pdfs=""
for s in $SAMPLES $FIXTURES; do pdfs="$pdfs $OUT/$s.lo.pdf $OUT/$s.pdf"; done
# shellcheck disable=SC2086
python3 tools/table_breaks.py $pdfs || status=1

# Numbering per kind (表一 with 案例1 and unnumbered figures, `：` between
# number and title): after LibreOffice updates every field and index, each
# caption and its list entry read as in the Typst PDF, and no 表一 has become
# 表1 (LibreOffice ignores `SEQ \* CHINESENUM3`; nianbao writes those numbers
# as text and lists them by caption style).
NUMBERING="numbering-per-kind expressive-all"
echo "== numbering per kind: LibreOffice"
docs=""
for f in $NUMBERING; do
    cargo run --quiet -- build "tests/fixtures/$f" --out "$OUT" --format all
    docs="$docs $OUT/$f.docx"
done
# shellcheck disable=SC2086
FONTCONFIG_FILE="$FC_DIR/fonts.conf" /usr/bin/python3 tools/lo_update_export.py "$OUT" $docs || status=1
for f in $NUMBERING; do
    openxml-audit -m 0 "$OUT/$f.docx" || status=1
    python3 tools/verify_docx_numbering.py "$OUT/$f.docx" "$OUT/$f.lo.pdf" "$OUT/$f.pdf" || status=1
done

if [ "$status" -ne 0 ]; then
    echo "verify-docx: FAILED" >&2
else
    echo "verify-docx: ok"
fi
exit "$status"
