#!/usr/bin/env bash
# Installs LibreOffice Calc from Debian's packages when soffice is absent, for the XLSX round-trip test
# (LibreOfficeRoundTripTest). Idempotent: does nothing when soffice is already on the PATH.
set -euo pipefail

if command -v soffice >/dev/null 2>&1; then
    echo "soffice already installed: $(command -v soffice)"
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends libreoffice-calc
command -v soffice
