#!/usr/bin/env bash
# Creates .venv and installs lexsearch with what the tests need; `--browser` also installs Debian's
# chromium for the Playwright test (never `playwright install`: nothing is downloaded outside registries).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
