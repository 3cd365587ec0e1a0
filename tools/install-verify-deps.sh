#!/bin/sh
# Installs what tools/verify-docx.sh needs (Debian 12; run as root in CI).
set -eu
apt-get update
apt-get install -y --no-install-recommends libreoffice-writer-nogui python3-uno poppler-utils fonts-noto-cjk
pip install openxml-audit python-docx
