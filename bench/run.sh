#!/usr/bin/env bash
# Runs the benchmarks on the embedded default (SQLite) and on a throw-away PostgreSQL with its durable
# defaults (fsync on, unlike the test cluster), printing Markdown rows for bench/RESULTS.md.
#   bench/run.sh                      # default sizes
#   bench/run.sh --commands 5000      # extra arguments go to the benchmark
#   bench/run.sh --benchmark posting  # posting core (issue 3): postings/s and cost adjustment; masterdata is the default, all runs both
#   BENCH_PROVIDERS=Postgres bench/run.sh --benchmark adjustment --entries 1000000 --items 200 --postings 100
#                                     # cost adjustment in a 1M-entry tenant (ADR 008; PostgreSQL generates the ledger)
#   BENCH_PROVIDERS=Postgres bench/run.sh ...   # only the named providers (default: Sqlite Postgres)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
WORK="$ROOT/.work/bench"
mkdir -p "$WORK"
"$ROOT/infra/install.sh"

PG_DURABLE=1 "$ROOT/infra/postgres.sh" start "$WORK" >&2
trap '"$ROOT/infra/postgres.sh" stop "$WORK" >&2 || true' EXIT
# shellcheck source=/dev/null
source "$WORK/pg.env"

field() { tr ';' '\n' <<<"$SAAS_TEST_PG_ADMIN" | sed -n "s/^$1=//p"; }
host=$(field Host) port=$(field Port) admin_password=$(field Password)
owner_password=$(openssl rand -hex 16) app_password=$(openssl rand -hex 16)

# The same two roles as production: the owner migrates and dispatches (BYPASSRLS), the app role is
# subject to row-level security, so the figures include its cost.
PGPASSWORD="$admin_password" psql -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres -d postgres <<SQL
CREATE ROLE saas_owner LOGIN BYPASSRLS CREATEDB PASSWORD '$owner_password';
CREATE ROLE saas_app LOGIN NOBYPASSRLS PASSWORD '$app_password';
GRANT pg_signal_backend TO saas_owner;
CREATE DATABASE bench_catalog OWNER saas_owner;
CREATE DATABASE bench_data OWNER saas_owner;
SQL

connection() { echo "Host=$host;Port=$port;Database=$1;Username=$2;Password=$3;Maximum Pool Size=50"; }
export SAAS_BENCH_CATALOG; SAAS_BENCH_CATALOG=$(connection bench_catalog saas_owner "$owner_password")
export SAAS_BENCH_DATA; SAAS_BENCH_DATA=$(connection bench_data saas_app "$app_password")
export SAAS_BENCH_DATA_ADMIN; SAAS_BENCH_DATA_ADMIN=$(connection bench_data saas_owner "$owner_password")

dotnet build -c Release "$ROOT/bench/Saas.Bench" >&2
for provider in ${BENCH_PROVIDERS:-Sqlite Postgres}; do
    dotnet run -c Release --no-build --project "$ROOT/bench/Saas.Bench" -- --provider "$provider" "$@" 2>/dev/null
    echo
done
