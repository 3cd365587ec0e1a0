#!/bin/sh
# Installs what tools/verify-docx.sh needs (Debian 12; run as root in CI).
set -eu
apt-get update
# fonts-liberation2: Liberation Serif, metric-compatible with Times New Roman,
# the Latin face the DOCX names (LibreOffice substitutes it).
apt-get install -y --no-install-recommends libreoffice-writer-nogui python3-uno poppler-utils fonts-noto-cjk fonts-liberation2
pip install openxml-audit python-docx
