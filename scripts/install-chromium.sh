#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver (/usr/bin/chromium, /usr/bin/chromedriver) for the dashboard's
# end-to-end tests (web/DashboardBrowserTest, driven by Selenium with the driver path set, so that Selenium Manager
# never downloads a browser). Idempotent: does nothing when both are already there.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "Chromium and ChromeDriver already installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
# chromium-driver depends on the chromium of the same version; fonts-wqy-zenhei draws the dashboard's Chinese labels
# in the screenshots (without a CJK font they come out as boxes)
$sudo apt-get install -y --no-install-recommends chromium chromium-driver fonts-wqy-zenhei
/usr/bin/chromium --version
/usr/bin/chromedriver --version
