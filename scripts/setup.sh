#!/usr/bin/env bash
# Creates .venv and installs lexsearch with what the tests need, then writes the stamp .venv/.installed
# (the Makefile reruns this script only when pyproject.toml or this script is newer than the stamp).
# `--browser` also installs Debian's chromium for the Playwright test when it is missing, `--browser-only`
# does only that (never `playwright install`: nothing is downloaded outside registries).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ "${1:-}" != "--browser-only" ]; then
    if [ ! -x .venv/bin/python ]; then
        "$python" -m venv .venv
    fi
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
    touch .venv/.installed
fi
case "${1:-}" in
    --browser | --browser-only)
        if [ ! -x /usr/bin/chromium ]; then
            sudo=""
            [ "$(id -u)" = 0 ] || sudo="sudo"
            $sudo apt-get update -qq
            DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
        fi
        ;;
esac
