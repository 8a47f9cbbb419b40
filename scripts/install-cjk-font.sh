#!/usr/bin/env bash
# Installs a CJK TrueType font (WenQuanYi Zen Hei, Debian fonts-wqy-zenhei) for the tests that draw Chinese PDFs
# with PDFBox (PdfTablesTest). PDFBox embeds TrueType outlines only, so the CFF-based Noto CJK fonts would not do.
# Idempotent: does nothing when the font file is already there.
set -euo pipefail

font=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
if [ -f "$font" ]; then
    echo "CJK font already installed: $font"
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends fonts-wqy-zenhei
ls -l "$font"
