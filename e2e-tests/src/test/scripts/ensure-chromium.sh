#!/usr/bin/env bash
# Makes sure the Chromium the Playwright journeys drive is installed.
# Usage: ensure-chromium.sh [PATH]   (default /usr/bin/chromium)
# Installs Debian's chromium package when running as root; otherwise explains what is missing.
set -euo pipefail

chromium_path="${1:-/usr/bin/chromium}"

print_version() {
    "$chromium_path" --version 2>/dev/null || echo "Chromium at $chromium_path (version unknown)"
}

if [[ -x "$chromium_path" ]]; then
    print_version
    exit 0
fi

if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium not found at $chromium_path; installing Debian's chromium package..."
    # dpkg is chatty even with -qq: keep its output in a log and show it only when something fails
    apt_log="$(mktemp)"
    trap 'rm -f "$apt_log"' EXIT
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$apt_log" 2>&1; then
        tail -n 40 "$apt_log" >&2
        echo "ERROR: could not install chromium with apt-get (see above)." >&2
        exit 1
    fi
    if [[ -x "$chromium_path" ]]; then
        print_version
        exit 0
    fi
    echo "ERROR: installed the chromium package but $chromium_path is still not executable." >&2
    echo "       Pass the browser's path with -Dchromium.path=/path/to/chromium." >&2
    exit 1
fi

cat >&2 <<MSG
ERROR: the end-to-end tests need Chromium at $chromium_path, and it is not there.
       Install it as root:   sudo apt-get update && sudo apt-get install -y chromium
       or point the build at another Chromium:   ./mvnw verify -Dchromium.path=/path/to/chromium
       or skip the browser journeys:             ./mvnw verify -DskipITs
MSG
exit 1
