#!/usr/bin/env bash
# Throw-away PostgreSQL cluster for tests.
#
#   infra/postgres.sh start  WORKDIR   # fresh cluster in WORKDIR/pg, writes WORKDIR/pg.env
#   infra/postgres.sh stop   WORKDIR   # stops it (data is kept until the next start)
#   infra/postgres.sh status WORKDIR   # exit 0 if running
#
# WORKDIR/pg.env holds:
#   export SAAS_TEST_PG_ADMIN='Host=127.0.0.1;Port=PORT;Username=postgres;Password=PW'
# The password is random per start and never leaves WORKDIR (gitignored).
# Only the superuser exists: the tests create the roles/databases they need.
#
# Why not the distribution's cluster: no systemd here, tests need a known
# superuser password, and a private cluster on a free port cannot clash with
# anything else on the machine (or with a second checkout running its tests).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
LOG_TAG=postgres
# shellcheck source=infra/lib.sh
source "$HERE/lib.sh"

usage() { echo "usage: $0 start|stop|status WORKDIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
CMD=$1
WORKDIR=$(abs_workdir "$2")
BASE="$WORKDIR/pg"          # may be a symlink (see make_server_dir)
ENV_FILE="$WORKDIR/pg.env"
PG_USER=postgres
is_root || PG_USER=$(id -un)

# Newest installed server major version (15 on Debian 12).
PGBIN=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n1)
[[ -n $PGBIN && -x $PGBIN/pg_ctl ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql (run infra/install.sh)"

data_dir() { echo "$BASE/data"; }

postmaster_pid() {
    local pidfile
    pidfile="$(data_dir)/postmaster.pid"
    [[ -r $pidfile ]] || return 1
    head -n1 "$pidfile"
}

is_running() {
    local pid
    pid=$(postmaster_pid 2>/dev/null) || return 1
    pid_alive "$pid" '^(postgres|postmaster)$'
}

do_stop() {
    local pid
    if is_running; then
        pid=$(postmaster_pid)
        # SIGINT = "fast" shutdown: roll back open transactions, disconnect
        # clients, exit cleanly. Escalate only if it hangs.
        kill -INT "$pid" 2>/dev/null || true
        if ! wait_gone "$pid" 30; then
            log "postmaster $pid ignored SIGINT for 30 s; sending SIGQUIT"
            kill -QUIT "$pid" 2>/dev/null || true
            wait_gone "$pid" 10 || { kill -KILL "$pid" 2>/dev/null || true; wait_gone "$pid" 5 || true; }
        fi
        log "stopped (pid $pid)"
    fi
    rm -f "$ENV_FILE"
}

do_start() {
    local dir data pw pwfile port sockdir attempt
    # A cluster left over from an earlier (possibly crashed) run: stop, then wipe.
    do_stop
    wipe_server_dir "$BASE"

    dir=$(make_server_dir "$WORKDIR" pg "$PG_USER")
    data="$dir/data"
    BASE=$dir

    # Random password, hex so it never needs quoting in a connection string.
    pw=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
    # initdb reads the password from a file the postgres user can read (process
    # substitution does not work across runuser). Deleted right after initdb.
    pwfile="$dir/pwfile"
    (umask 077; printf '%s\n' "$pw" >"$pwfile")
    if is_root; then chown "$PG_USER:" "$pwfile"; fi

    # C.UTF-8 exists on every Debian 12 image (en_US.UTF-8 may not).
    as_user "$PG_USER" "$PGBIN/initdb" -D "$data" -U postgres \
        --auth=scram-sha-256 --pwfile="$pwfile" \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; rm -f "$pwfile"; die "initdb failed"; }
    rm -f "$pwfile"

    # Unix socket inside the data dir (nothing in /var/run/postgresql needed),
    # unless the path would exceed the ~107-byte sun_path limit, in which case
    # we run TCP-only (an unusable socket dir would be fatal at start-up).
    sockdir="$data"
    if (( ${#data} > 80 )); then sockdir=""; fi

    for attempt in 1 2 3; do
        port=$(free_port)
        # Later settings in postgresql.conf win, so appending is enough. The
        # durability settings are off because this cluster is disposable;
        # PG_DURABLE=1 keeps PostgreSQL's defaults (benchmarks measure those).
        local durability="fsync = off
synchronous_commit = off
full_page_writes = off"
        if [[ ${PG_DURABLE:-0} == 1 ]]; then durability="# durable defaults (PG_DURABLE=1)"; fi
        as_user "$PG_USER" tee "$data/postgresql.conf.test" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sockdir'
max_connections = 300
$durability
log_min_messages = warning
log_timezone = 'UTC'
timezone = 'UTC'
EOF
        grep -q "^include 'postgresql.conf.test'" "$data/postgresql.conf" \
            || echo "include 'postgresql.conf.test'" >>"$data/postgresql.conf"

        if as_user "$PG_USER" "$PGBIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >/dev/null; then
            break
        fi
        # Most likely someone grabbed the port between our check and bind.
        log "start attempt $attempt on port $port failed:"
        tail -n 5 "$dir/server.log" >&2 || true
        (( attempt < 3 )) || die "PostgreSQL did not start"
    done

    (umask 077; cat >"$ENV_FILE" <<EOF
# Written by infra/postgres.sh for the cluster in $data (pid $(postmaster_pid)).
export SAAS_TEST_PG_ADMIN='Host=127.0.0.1;Port=$port;Username=postgres;Password=$pw'
EOF
)
    log "running on 127.0.0.1:$port (pid $(postmaster_pid)); env in $ENV_FILE"
}

case $CMD in
    start) do_start ;;
    stop) do_stop ;;
    status)
        if is_running; then
            echo "postgres running (pid $(postmaster_pid), data $(data_dir))"
        else
            echo "postgres not running"; exit 1
        fi ;;
    *) usage ;;
esac
