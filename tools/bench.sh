#!/usr/bin/env bash
# The benchmark (issue 11): nianbao against bare Typst and pandoc, both
# outputs at once, the watch loop, and scaling. Prints; asserts nothing.
# Needs GNU time (/usr/bin/time); uses the PyPI `typst` package and pandoc
# when present. Usage: tools/bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
python3 tools/bench.py "$@"

# How many tables the layout layer set in a smaller type or turned to a
# landscape page to make them fit (each table's `layout`, see src/layout).
echo
echo "Tables set smaller or turned landscape to fit:"
cargo run --quiet --example table_layout -- samples/*/
