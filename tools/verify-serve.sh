#!/bin/sh
# Browser test of `nianbao serve` on a copy of the school sample: headless
# Chromium opens the page, a chapter is edited, and the new text must reach
# the open page without a reload (in the DOM: the text layer over the page
# images); a click on a finding must go to its page; a screenshot of the
# page after the edit is written to OUTDIR/serve-after-edit.png.
#
# Needs Debian's `chromium` (tools/install-verify-deps.sh installs it); when
# it is missing the test is skipped with a line saying so.
# Usage: tools/verify-serve.sh [OUTDIR]   (default out/verify-serve)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/out/verify-serve}
if ! command -v chromium >/dev/null 2>&1; then
    echo "SKIPPED: chromium not installed (apt-get install chromium); the serve browser test did not run"
    exit 0
fi
cd "$ROOT"
cargo build --quiet
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/debug/nianbao
mkdir -p "$OUT"
python3 tools/verify_serve.py "$BIN" samples/yunchuan-school "$OUT"
