#!/usr/bin/env bash
# The benchmark (issue 11): nianbao against bare Typst and pandoc, both
# outputs at once, the watch loop, and scaling. Prints; asserts nothing.
# Needs GNU time (/usr/bin/time); uses the PyPI `typst` package and pandoc
# when present. Usage: tools/bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
python3 tools/bench.py "$@"
