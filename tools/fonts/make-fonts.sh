#!/usr/bin/env bash
# Regenerate the bundled CJK fonts in fonts/ from Debian (bookworm) packages.
#
#   sudo bash tools/fonts/make-fonts.sh          # needs root only for apt-get update
#
# What it does (see fonts/README.md for the result):
#   1. apt-get download the source packages (no install: texlive-lang-chinese
#      would otherwise pull in most of TeX Live) and unpack them with dpkg-deb.
#   2. pip install fontTools (pinned) + brotli.
#   3. Noto Serif/Sans CJK: take face #2 (= SC) out of the .ttc collections and
#      subset it with pyftsubset to the Unicode ranges below, keeping all name
#      records and only the layout features useful for Simplified Chinese
#      (no 'locl'/'aalt'/'hist'/'ruby'/'dlig', which would drag in the JP/KR/TC
#      glyph variants and grow each file by ~60 %).
#   4. LXGW WenKai and FandolFang are copied byte-identical (no subsetting):
#      WenKai's OFL has Reserved Font Names ("LXGW", "霞鹜"), so a subset could
#      not keep the family name; FandolFang is GPL+font-exception and a subset
#      would save only 0.7 MB.
#   5. Copy licence texts and print coverage of every output file.
#
# Environment: OUT (default: <repo>/fonts), WORK (default: /tmp/cjk-fonts-work),
#              WITH_BLACK=1 to also build the heavy serif (Noto Serif CJK SC Black).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=${OUT:-$REPO/fonts}
WORK=${WORK:-/tmp/cjk-fonts-work}
WITH_BLACK=${WITH_BLACK:-0}
FONTTOOLS_VERSION=4.68.0

# Versions this was made with (Debian 12 bookworm); a different version only warns.
declare -A WANT=(
  [fonts-noto-cjk]="1:20220127+repack1-1"
  [fonts-noto-cjk-extra]="1:20220127+repack1-1"
  [fonts-lxgw-wenkai]="1.250+repack-1"
  [texlive-lang-chinese]="2022.20230122-1"
)
PKGS=(fonts-noto-cjk fonts-lxgw-wenkai texlive-lang-chinese)
[ "$WITH_BLACK" = 1 ] && PKGS+=(fonts-noto-cjk-extra)

# Code points kept in the Noto subsets.
UNICODES="U+0020-007E,U+00A0-00FF"          # ASCII, Latin-1
UNICODES+=",U+0100-017F,U+01CD-01DC,U+01F8-01F9,U+0251,U+0261,U+02C6-02DD"  # pinyin tones, modifiers
UNICODES+=",U+0391-03A9,U+03B1-03C9,U+0401,U+0410-044F,U+0451"              # Greek, Cyrillic (GB2312)
UNICODES+=",U+2000-206F"                    # General Punctuation
UNICODES+=",U+2100-214F,U+2150-218F,U+2190-21FF,U+2200-22FF,U+2300-23FF"   # letterlike (℃ №), Roman numerals, arrows, math
UNICODES+=",U+2460-24FF"                    # Enclosed Alphanumerics (① ⑴ ⒈)
UNICODES+=",U+2500-257F,U+2580-259F,U+25A0-25FF,U+2600-26FF,U+2700-27BF"   # box drawing, shapes, ★ ☆, dingbats
UNICODES+=",U+2E80-2EFF,U+2F00-2FDF,U+2FF0-2FFF"                           # CJK radicals, IDC
UNICODES+=",U+3000-303F"                    # CJK Symbols and Punctuation
UNICODES+=",U+3040-309F,U+30A0-30FF,U+3100-312F,U+31C0-31EF"               # kana, bopomofo, strokes
UNICODES+=",U+3200-32FF,U+3300-33FF"        # Enclosed CJK Letters and Months, CJK Compatibility
UNICODES+=",U+3400-4DBF"                    # CJK Ext A
UNICODES+=",U+4E00-9FFF"                    # CJK Unified Ideographs (URO)
UNICODES+=",U+F900-FAFF"                    # CJK Compatibility Ideographs
UNICODES+=",U+FE10-FE1F,U+FE30-FE4F,U+FE50-FE6F"                           # vertical / compat / small forms
UNICODES+=",U+FF00-FFEF"                    # Halfwidth and Fullwidth Forms

FEATURES="ccmp,calt,liga,kern,mark,mkmk,palt,halt,vert,vrt2,vkrn,vpal,vhal,fwid,hwid,pwid,frac,sups,subs,afrc,cpct"

echo "== 1. Debian packages"
apt-get update -qq
mkdir -p "$WORK/debs" "$WORK/root"
for p in "${PKGS[@]}"; do
  have=$(apt-cache policy "$p" | awk '/Candidate:/ {print $2}')
  [ "$have" = "${WANT[$p]}" ] || echo "WARNING: $p candidate is $have, fonts/README.md describes ${WANT[$p]}" >&2
done
(cd "$WORK/debs" && apt-get download "${PKGS[@]}")
for d in "$WORK"/debs/*.deb; do dpkg-deb -x "$d" "$WORK/root"; done
NOTO=$WORK/root/usr/share/fonts/opentype/noto
WENKAI=$WORK/root/usr/share/fonts/truetype/lxgw-wenkai
FANDOL=$WORK/root/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
DOC=$WORK/root/usr/share/doc

echo "== 2. fontTools"
python3 -m pip install --quiet "fonttools==$FONTTOOLS_VERSION" brotli

echo "== 3. Noto CJK SC subsets"
mkdir -p "$OUT"
subset() {  # subset SRC.ttc OUT.otf  (face 2 of the collection = SC)
  pyftsubset "$1" --font-number=2 \
    --unicodes="$UNICODES" --layout-features="$FEATURES" \
    --name-IDs='*' --name-languages='*' --name-legacy \
    --notdef-outline --no-hinting \
    --output-file="$2"
  echo "   wrote $2"
}
# Two at a time (each takes ~3 min and ~2 GB of memory).
subset "$NOTO/NotoSerifCJK-Regular.ttc" "$OUT/NotoSerifCJKsc-Regular.otf" &
subset "$NOTO/NotoSerifCJK-Bold.ttc"    "$OUT/NotoSerifCJKsc-Bold.otf" &
wait
subset "$NOTO/NotoSansCJK-Regular.ttc"  "$OUT/NotoSansCJKsc-Regular.otf" &
subset "$NOTO/NotoSansCJK-Bold.ttc"     "$OUT/NotoSansCJKsc-Bold.otf" &
wait
if [ "$WITH_BLACK" = 1 ]; then
  subset "$NOTO/NotoSerifCJK-Black.ttc" "$OUT/NotoSerifCJKsc-Black.otf"
fi

echo "== 4. LXGW WenKai, FandolFang (unmodified)"
install -m 644 "$WENKAI/LXGWWenKai-Regular.ttf" "$OUT/LXGWWenKai-Regular.ttf"
install -m 644 "$FANDOL/FandolFang-Regular.otf" "$OUT/FandolFang-Regular.otf"

echo "== 5. Licences"
# Debian copyright files carry the licence as an indented stanza; unindent it.
stanza() {  # stanza COPYRIGHT-FILE "License: NAME"
  # The stand-alone licence stanza is the "License: NAME" line that follows a blank line.
  awk -v hdr="$2" '!on && prev=="" && $0==hdr {on=1; next} {prev=$0} on && /^[^ ]/ {exit} on {sub(/^ /,""); if ($0==".") $0=""; print}' "$1"
}
{
  echo "Noto Serif CJK / Noto Sans CJK (files NotoSerifCJKsc-*.otf, NotoSansCJKsc-*.otf)"
  echo "Copyright © 2014-2022 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
  echo "Source: https://github.com/notofonts/noto-cjk (Debian package fonts-noto-cjk ${WANT[fonts-noto-cjk]})"
  echo "The files here are subsets (Simplified Chinese face only, fewer code points) of the original fonts."
  echo
  stanza "$DOC/fonts-noto-cjk/copyright" "License: SIL-1.1"
} > "$OUT/LICENSE-NotoCJK.txt"
{
  echo "LXGW WenKai (file LXGWWenKai-Regular.ttf, unmodified)"
  echo "Copyright 2021-2023 LXGW (https://github.com/lxgw/LxgwWenKai)"
  echo "Copyright 2020 The Klee Project Authors (https://github.com/fontworks-fonts/Klee)"
  echo "With Reserved Font Names \"霞鹜\" and \"LXGW\"."
  echo "Source: Debian package fonts-lxgw-wenkai ${WANT[fonts-lxgw-wenkai]}"
  echo
  stanza "$DOC/fonts-lxgw-wenkai/copyright" "License: OFL-1.1"
} > "$OUT/LICENSE-LXGWWenKai.txt"
{
  echo "FandolFang (file FandolFang-Regular.otf, unmodified)"
  echo "Copyright © 2012-2013, the Fandol team (Clerk Ma, Jie Su)."
  echo "Licence: GNU GPL version 3 with the GPL font exception (full text below, exception at the end)."
  echo "Source: CTAN fonts/fandol, via Debian package texlive-lang-chinese ${WANT[texlive-lang-chinese]}"
  echo
  cat "$DOC/texlive-doc/fonts/fandol/README"
  echo
  echo "----------------------------------------------------------------------"
  zcat "$DOC/texlive-doc/fonts/fandol/COPYING.gz"
} > "$OUT/LICENSE-FandolFang.txt"

echo "== 6. Check"
python3 "$HERE/fontinfo.py" "$OUT"/*.otf "$OUT"/*.ttf | column -t -s $'\t'
if command -v fc-scan >/dev/null; then
  for f in "$OUT"/*.otf "$OUT"/*.ttf; do
    printf '%-32s ' "$(basename "$f")"; fc-scan --format '%{family} | %{style} | weight %{weight}\n' "$f"
  done
fi
du -ch "$OUT"/*.otf "$OUT"/*.ttf | tail -1
