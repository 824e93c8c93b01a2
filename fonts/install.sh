#!/usr/bin/env bash
# Install what `mkreport build --pdf` needs on Debian/Ubuntu: LibreOffice Writer (and Calc, which the
# tests use to read the .xlsx back), free CJK fonts, Liberation Serif for Times New Roman,
# and the Fandol faces (仿宋/楷体/黑体/宋体), which Debian ships only inside texlive-lang-chinese:
# we take the four .otf files out of that package instead of installing TeX Live.
# Run as root (or with sudo). Safe to run again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || dpkg -s libreoffice-calc >/dev/null 2>&1 \
  || need+=(libreoffice-calc-nogui)      # to read the .xlsx back in the tests
command -v pdftoppm >/dev/null || need+=(poppler-utils)
fc-list | grep -q "Noto Serif CJK" || need+=(fonts-noto-cjk)
fc-list | grep -q "Liberation Serif" || need+=(fonts-liberation)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
dest=/usr/local/share/fonts/fandol
if [ ! -f "$dest/FandolFang-Regular.otf" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get download texlive-lang-chinese >/dev/null 2>&1 || { apt-get update -qq && apt-get download texlive-lang-chinese >/dev/null; })
  dpkg-deb -x "$tmp"/texlive-lang-chinese_*.deb "$tmp/x"
  mkdir -p "$dest"
  cp "$tmp"/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol{Fang-Regular,Kai-Regular,Hei-Regular,Hei-Bold,Song-Regular,Song-Bold}.otf "$dest/"
  rm -rf "$tmp"
  fc-cache -f "$dest" >/dev/null
fi
echo "fonts and LibreOffice ready: $(fc-list | grep -c -i fandol) Fandol faces"
