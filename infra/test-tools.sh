#!/usr/bin/env bash
# Installs the browser tests' npm tools when they are missing (and npm itself, as root): axe-core (MPL-2.0), pinned in
# tests/Saas.UiTests/package.json and package-lock.json. Test-only: the tests inject it into the page
# under test; the application never serves it. Idempotent and offline once installed.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
LOG_TAG=test-tools
# shellcheck source=infra/lib.sh
source "$HERE/lib.sh"

UI_TESTS="$HERE/../tests/Saas.UiTests"
if [[ -f $UI_TESTS/node_modules/axe-core/axe.min.js ]]; then
    log "axe-core present"
    exit 0
fi

if ! command -v npm >/dev/null; then
    # Checked by command rather than by package: node and npm often come from elsewhere than Debian.
    is_root || die "npm not found: install it (apt-get install -y npm) or run this script as root"
    log "installing npm"
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm
fi
log "installing axe-core from the npm registry (package-lock.json)"
npm ci --prefix "$UI_TESTS" --no-audit --no-fund --ignore-scripts
[[ -f $UI_TESTS/node_modules/axe-core/axe.min.js ]] || die "axe-core did not install"
