#!/bin/sh
# Verifies the print shop's PDF (`build --for-print`, with and without
# `--crop-marks`) of both samples and the print fixture with qpdf: the file's
# structure, including the incremental update that adds the BleedBox, must be
# clean (`qpdf --check`: no errors, no warnings). Prints the page boxes of the
# first page (pdfinfo -box) and the preflight's summary line.
#
# Needs qpdf and poppler-utils (tools/install-verify-deps.sh installs them).
# Usage: tools/verify-print.sh [OUTDIR]   (default out/verify-print)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/out/verify-print}
mkdir -p "$OUT"
cd "$ROOT"
fail=0
for p in samples/yunchuan-city samples/yunchuan-school tests/fixtures/print; do
    name=$(basename "$p")
    for marks in "" "--crop-marks"; do
        dir="$OUT/$name${marks:+-marks}"
        cargo run --quiet -- build "$p" --out "$dir" --format pdf --for-print $marks 2>"$dir.log" || {
            echo "FAIL: build $p --for-print $marks"; cat "$dir.log"; fail=1; continue; }
        grep '^print preflight' "$dir.log" | sed "s|^|$name${marks:+ (marks)}: |"
        pdf="$dir/$name.pdf"
        if out=$(qpdf --check "$pdf" 2>&1); then
            echo "$out" | grep -qi 'warning' && { echo "FAIL: qpdf warns on $pdf"; echo "$out"; fail=1; }
            echo "$name${marks:+ (marks)}: qpdf --check clean"
        else
            echo "FAIL: qpdf --check $pdf"; echo "$out"; fail=1
        fi
        pdfinfo -box -f 1 -l 1 "$pdf" 2>/dev/null | grep -E 'Page +1 (MediaBox|BleedBox|TrimBox)'
    done
done
exit $fail
