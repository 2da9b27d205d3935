#!/usr/bin/env bash
# Developer convenience: start/stop a private PostgreSQL + RabbitMQ in
# .work/servers (test.sh uses .work/pg and .work/rabbit, so both can coexist), and print
# the environment to point tests or the app at them:
#
#   infra/servers.sh start        # prints exports; e.g.  eval "$(infra/servers.sh start)"
#   infra/servers.sh env          # prints the exports again
#   infra/servers.sh stop
#   infra/servers.sh status
#
# Only the exports go to stdout (logs go to stderr), so eval works.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd "$HERE/.." && pwd -P)
WORK="$ROOT/.work/servers"

print_env() {
    [[ -f $WORK/pg.env && -f $WORK/rabbit.env ]] || { echo "servers not running (infra/servers.sh start)" >&2; exit 1; }
    local SAAS_TEST_PG_ADMIN SAAS_TEST_RABBITMQ
    # shellcheck source=/dev/null
    source "$WORK/pg.env"
    # shellcheck source=/dev/null
    source "$WORK/rabbit.env"
    # One key-protection certificate per work directory, shared by every node started from these settings.
    if [[ ! -f $WORK/key-protection.pem ]]; then
        (umask 077 && openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=Trade SaaS key protection (dev)" \
            -keyout "$WORK/key-protection.key" -out "$WORK/key-protection.crt" 2>/dev/null \
            && cat "$WORK/key-protection.crt" "$WORK/key-protection.key" > "$WORK/key-protection.pem" \
            && rm -f "$WORK/key-protection.key" "$WORK/key-protection.crt")
    fi
    cat <<EOF
# For the test suite (dotnet test):
export SAAS_TEST_PG_ADMIN='$SAAS_TEST_PG_ADMIN'
export SAAS_TEST_RABBITMQ='$SAAS_TEST_RABBITMQ'
export SAAS_TEST_CHROMIUM=/usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Example settings to run the app against these servers (superuser: dev only;
# create the databases first or let the app's migrations do it):
export Database__Provider=Postgres
export ConnectionStrings__Catalog='$SAAS_TEST_PG_ADMIN;Database=saas_catalog'
export ConnectionStrings__Data='$SAAS_TEST_PG_ADMIN;Database=saas_data'
export Bus__Transport=RabbitMq
export Bus__RabbitMq='$SAAS_TEST_RABBITMQ'
# Every node: the same public issuer and the same key-protection certificate (ADR 011).
export Identity__Issuer='http://localhost:5000'
export Identity__KeyProtectionCertificatePem='$(cat "$WORK/key-protection.pem")'
EOF
}

case ${1:-} in
    start)
        "$HERE/install.sh" >&2
        "$HERE/postgres.sh" start "$WORK" >&2
        if ! "$HERE/rabbitmq.sh" start "$WORK" >&2; then
            "$HERE/postgres.sh" stop "$WORK" >&2 || true
            exit 1
        fi
        print_env ;;
    stop)
        rc=0
        "$HERE/rabbitmq.sh" stop "$WORK" >&2 || rc=1
        "$HERE/postgres.sh" stop "$WORK" >&2 || rc=1
        exit "$rc" ;;
    status)
        rc=0
        "$HERE/postgres.sh" status "$WORK" || rc=1
        "$HERE/rabbitmq.sh" status "$WORK" || rc=1
        exit "$rc" ;;
    env) print_env ;;
    *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
