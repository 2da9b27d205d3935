#!/usr/bin/env bash
# The test command (README, CI): installs missing OS packages, starts a private
# PostgreSQL and RabbitMQ on free ports, runs every test project of Saas.sln
# against them, always stops them again, and ends with one summary line:
#   N passed, N failed[, N skipped]
# Exit code: dotnet test's; also non-zero if any test failed or none ran.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter Category=Unit
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
WORK="$ROOT/.work"                 # gitignored
RESULTS="$WORK/results"
INFRA="$ROOT/infra"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Browser tests use Debian's chromium; Playwright must never try to download one.
export SAAS_TEST_CHROMIUM=/usr/bin/chromium PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

"$INFRA/install.sh"
"$INFRA/test-tools.sh"
command -v dotnet >/dev/null || { echo "test.sh: dotnet (SDK 10) not found on PATH" >&2; exit 1; }

mkdir -p "$WORK"
# One run per checkout at a time: a second run would wipe the first one's servers.
# Children get `9>&-` so long-lived processes (servers, dotnet build servers)
# never inherit the lock.
exec 9>"$WORK/test.lock"
flock -n 9 || { echo "test.sh: another test run is using $WORK" >&2; exit 1; }

# Always stop the servers, however we leave (success, failure, Ctrl-C, kill).
# If we are interrupted while the tests run, stop the tests first (their whole
# process group: dotnet, MSBuild nodes, test hosts, browsers).
DOTNET_PID=""
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
    if [[ -n $DOTNET_PID ]] && kill -0 "$DOTNET_PID" 2>/dev/null; then
        echo "test.sh: interrupted, stopping dotnet test" >&2
        kill -TERM -- "-$DOTNET_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$DOTNET_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL -- "-$DOTNET_PID" 2>/dev/null || true
    fi
    "$INFRA/rabbitmq.sh" stop "$WORK" 9>&- || true
    "$INFRA/postgres.sh" stop "$WORK" 9>&- || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$INFRA/postgres.sh" start "$WORK" 9>&-
"$INFRA/rabbitmq.sh" start "$WORK" 9>&-
# shellcheck source=/dev/null
source "$WORK/pg.env"
# shellcheck source=/dev/null
source "$WORK/rabbit.env"
export SAAS_TEST_PG_ADMIN SAAS_TEST_RABBITMQ

# Fresh results dir so the summary counts this run only.
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# Run in its own process group (setsid) and wait for it: `wait` is interrupted
# by signals, so a TERM/Ctrl-C reaches our trap at once instead of after the
# whole test run, and the trap can stop exactly this process tree.
rc=0
setsid dotnet test "$ROOT/Saas.sln" -c Release \
    --logger "console;verbosity=normal" \
    --logger trx \
    --results-directory "$RESULTS" \
    "$@" 9>&- &
DOTNET_PID=$!
wait "$DOTNET_PID" || rc=$?
DOTNET_PID=""

# Sum the <Counters> of every project's .trx. Skipped tests are "NotExecuted"
# in TRX; errors/timeouts/aborts count as failures.
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3
passed=0 failed=0 skipped=0 executed=0
read -r passed failed skipped executed < <("$PY" - "$RESULTS" <<'EOF'
import pathlib, sys
import xml.etree.ElementTree as ET
tot = {}
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    try:
        root = ET.parse(trx).getroot()
    except ET.ParseError as e:  # e.g. a test host that crashed mid-write
        print(f"test.sh: unreadable {trx}: {e}", file=sys.stderr)
        tot["error"] = tot.get("error", 0) + 1
        continue
    for el in root.iter():
        if el.tag.endswith("Counters"):
            for k, v in el.attrib.items():
                if v.isdigit():
                    tot[k] = tot.get(k, 0) + int(v)
g = lambda k: tot.get(k, 0)
failed = g("failed") + g("error") + g("timeout") + g("aborted")
skipped = max(g("notExecuted"), g("total") - g("executed") if g("total") else 0)
print(g("passed"), failed, skipped, g("executed"))
EOF
) || true

if (( executed == 0 )); then
    echo "test.sh: no tests ran" >&2
    if (( rc == 0 )); then rc=1; fi
elif (( failed > 0 && rc == 0 )); then
    rc=1
fi

# Name every failed test with the start of its message at the very end, so
# that a log cut to its last lines (CI) still says what failed and why.
if (( failed > 0 )); then
    "$PY" - "$RESULTS" <<'EOF' || true
import pathlib, sys
import xml.etree.ElementTree as ET
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    try:
        root = ET.parse(trx).getroot()
    except ET.ParseError:
        continue
    for r in root.iter():
        if not r.tag.endswith("UnitTestResult") or r.get("outcome") in ("Passed", "NotExecuted"):
            continue
        print(f"FAILED {r.get('testName')} ({r.get('outcome')}, {r.get('duration')})")
        for el in r.iter():
            if el.tag.endswith("Message") or el.tag.endswith("StackTrace"):
                lines = (el.text or "").strip().splitlines()
                for line in lines[:12]:
                    print("    " + line[:300])
                if len(lines) > 12:
                    print(f"    ... {len(lines) - 12} more line(s) in {trx.name}")
EOF
fi

summary="$passed passed, $failed failed"
if (( skipped > 0 )); then summary+=", $skipped skipped"; fi
echo "$summary"
exit "$rc"
