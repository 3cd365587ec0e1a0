#!/bin/sh
# Installs what tools/verify-docx.sh, tools/verify-print.sh and tools/verify-serve.sh need (Debian 12; run as root in CI).
set -eu
apt-get update
# fonts-liberation2: Liberation Serif, metric-compatible with Times New Roman,
# the Latin face the DOCX names (LibreOffice substitutes it).
apt-get install -y --no-install-recommends libreoffice-writer-nogui python3-uno poppler-utils fonts-noto-cjk fonts-liberation2
# qpdf for tools/verify-print.sh (`qpdf --check` on the print shop's PDF).
apt-get install -y --no-install-recommends qpdf
# chromium for tools/verify-serve.sh (headless: the served page after an edit).
apt-get install -y --no-install-recommends chromium
# GNU time and pandoc for tools/bench.sh (pandoc is its comparison column).
apt-get install -y --no-install-recommends time pandoc
# typst: the PyPI package runs the same engine as the Typst CLI (bench column).
pip install openxml-audit python-docx typst
# pymupdf: tools/table_breaks.py reads the renderings' glyphs and table rules.
pip install pymupdf
