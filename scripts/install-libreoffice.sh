#!/usr/bin/env bash
# Installs LibreOffice Calc and Writer from Debian's packages, for the XLSX round-trip test
# (LibreOfficeRoundTripTest) and the document round trips (LibreOfficeDocumentsTest: HTML → PDF, HTML → .docx,
# .docx → PDF, which need Writer and its HTML filters, writer_web_pdf_Export among them).
# Idempotent: does nothing when soffice and the Writer component are already there.
set -euo pipefail

# libreoffice-writer ships swlo (the Writer library); calc ships its own, so soffice alone proves nothing.
writer_installed() {
    dpkg-query -W -f='${Status}' libreoffice-writer 2>/dev/null | grep -q 'install ok installed'
}

if command -v soffice >/dev/null 2>&1 && writer_installed && dpkg-query -W -f='${Status}' libreoffice-calc 2>/dev/null | grep -q 'install ok installed'; then
    echo "LibreOffice Calc and Writer already installed: $(command -v soffice)"
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
# libreoffice-writer: Writer and its import/export filters (HTML, MS Word 2007 XML, writer_pdf_Export);
# libreoffice-calc: the XLSX round trip. Both without recommends (no Java, no GUI front ends).
$sudo apt-get install -y --no-install-recommends libreoffice-writer libreoffice-calc
command -v soffice
writer_installed
