#!/usr/bin/env bash
# Install the OS packages the test suite needs, and only those that are missing:
#   postgresql, rabbitmq-server      - real servers for the integration tests
#   chromium                         - headless browser for the Playwright tests
#   python3-openpyxl                 - independent reader to check generated .xlsx
#   python3-aiosmtpd                 - local SMTP sink: mail tests read the message that arrived
# Idempotent: when everything is present it does nothing (no apt-get update, no
# root needed). Works unattended on a fresh Debian 12 (CI: root, CI=true, no stdin).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
LOG_TAG=install
# shellcheck source=infra/lib.sh
source "$HERE/lib.sh"

# Installed with their recommends (the servers' recommends are small and useful).
WITH_RECOMMENDS=(postgresql rabbitmq-server)
# Without recommends: chromium's and python3's recommends pull in hundreds of MB.
NO_RECOMMENDS=(chromium python3-openpyxl python3-aiosmtpd)

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing_with=() missing_no=()
for p in "${WITH_RECOMMENDS[@]}"; do installed "$p" || missing_with+=("$p"); done
for p in "${NO_RECOMMENDS[@]}"; do installed "$p" || missing_no+=("$p"); done

if (( ${#missing_with[@]} + ${#missing_no[@]} == 0 )); then
    log "all packages present: ${WITH_RECOMMENDS[*]} ${NO_RECOMMENDS[*]}"
    exit 0
fi

missing_all=("${missing_with[@]}" "${missing_no[@]}")
if ! is_root; then
    log "missing packages: ${missing_all[*]}"
    log "run this script as root (e.g. sudo $0), or install them yourself:"
    log "  apt-get install -y ${missing_all[*]}"
    exit 1
fi
command -v apt-get >/dev/null || die "apt-get not found: this script targets Debian 12"

export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

# Without systemd, maintainer scripts may still try to start the distribution's
# own postgres/rabbitmq instances through invoke-rc.d. We run private instances
# on free ports instead, so forbid service starts during the install (standard
# policy-rc.d mechanism), removing our policy file afterwards.
POLICY=/usr/sbin/policy-rc.d
made_policy=0
if [[ ! -e $POLICY ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$POLICY"
    chmod 755 "$POLICY"
    made_policy=1
fi
cleanup() { if (( made_policy )); then rm -f "$POLICY"; fi; }
trap cleanup EXIT

log "installing: ${missing_all[*]}"
apt-get update -q
if (( ${#missing_with[@]} )); then
    apt-get install "${APT_OPTS[@]}" "${missing_with[@]}"
fi
if (( ${#missing_no[@]} )); then
    apt-get install "${APT_OPTS[@]}" --no-install-recommends "${missing_no[@]}"
fi

for p in "${missing_all[@]}"; do installed "$p" || die "$p did not install"; done
log "done"
