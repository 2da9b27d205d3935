#!/usr/bin/env bash
# Throw-away RabbitMQ node for tests.
#
#   infra/rabbitmq.sh start  WORKDIR        # fresh node in WORKDIR/rabbit, writes WORKDIR/rabbit.env
#   infra/rabbitmq.sh stop   WORKDIR
#   infra/rabbitmq.sh status WORKDIR        # exit 0 if running
#   infra/rabbitmq.sh ctl    WORKDIR ARGS   # rabbitmqctl against this node, e.g. `ctl .work status`
#
# WORKDIR/rabbit.env holds:
#   export SAAS_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:PORT/'
# (guest may log in from loopback, which is all we listen on.)
#
# Isolation: the AMQP port (5672 if free), the Erlang distribution port and the
# epmd port are all chosen free, so this node has its *own* epmd. That makes it
# safe to stop exactly the epmd we started, and lets two checkouts run at once
# even though both nodes are called rabbit@localhost.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
LOG_TAG=rabbitmq
# shellcheck source=infra/lib.sh
source "$HERE/lib.sh"

usage() { echo "usage: $0 start|stop|status WORKDIR | ctl WORKDIR ARGS..." >&2; exit 2; }
[[ $# -ge 2 ]] || usage
CMD=$1
WORKDIR=$(abs_workdir "$2")
shift 2
BASE="$WORKDIR/rabbit"      # may be a symlink (see make_server_dir)
ENV_FILE="$WORKDIR/rabbit.env"
NODE=rabbit@localhost
RMQ_BIN=/usr/lib/rabbitmq/bin
[[ -x $RMQ_BIN/rabbitmq-server ]] || die "$RMQ_BIN/rabbitmq-server not found (run infra/install.sh)"

if is_root; then
    RMQ_USER=rabbitmq
    RMQ_HOME=/var/lib/rabbitmq      # the Erlang cookie lives in $HOME
else
    RMQ_USER=$(id -un)
    RMQ_HOME=$HOME
fi

# Everything the server and the CLI need to agree on is in $BASE/node.env,
# written at start and re-read by stop/status/ctl.
NODE_ENV="$BASE/node.env"

# Command prefix that runs something as the rabbitmq user with this node's
# environment. `env -i` keeps the caller's RABBITMQ_* / ERL_* variables out.
rmq_prefix() {
    local line
    RMQ_PREFIX=()
    if is_root; then RMQ_PREFIX=(runuser -u "$RMQ_USER" --); fi
    RMQ_PREFIX+=(env -i HOME="$RMQ_HOME" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 LC_ALL=C.UTF-8)
    while IFS= read -r line; do
        if [[ $line =~ ^[A-Z_]+= ]]; then RMQ_PREFIX+=("$line"); fi
    done <"$NODE_ENV"
}

run_rmq() { rmq_prefix; "${RMQ_PREFIX[@]}" "$@"; }

ctl() { run_rmq "$RMQ_BIN/rabbitmqctl" -n "$NODE" "$@"; }

node_var() { sed -n "s/^$1=//p" "$NODE_ENV" 2>/dev/null; }

server_pid() {
    local pidfile
    pidfile=$(node_var RABBITMQ_PID_FILE)
    [[ -n $pidfile && -r $pidfile ]] || return 1
    tr -dc '0-9' <"$pidfile"
}

is_running() {
    local pid
    pid=$(server_pid 2>/dev/null) || return 1
    pid_alive "$pid" '^(beam|beam\.smp)$'
}

# Direct children of PID (e.g. erl_child_setup, inet_gethost), from /proc.
children_of() {
    local p stat
    for p in /proc/[0-9]*; do
        stat=$(cat "$p/stat" 2>/dev/null) || continue
        # field 4 (ppid) after the ")" that closes the command name
        stat=${stat##*) }
        read -r _ ppid _ <<<"$stat"
        [[ $ppid == "$1" ]] && echo "${p#/proc/}"
    done
    return 0
}

do_stop() {
    local pid kids launcher epmd_port k
    if [[ ! -f $NODE_ENV ]]; then rm -f "$ENV_FILE"; return 0; fi
    if is_running; then
        pid=$(server_pid)
        kids=$(children_of "$pid")
        # TERM makes the broker shut down cleanly (rabbit_prelaunch_sighandler).
        kill -TERM "$pid" 2>/dev/null || true
        if ! wait_gone "$pid" 30; then
            log "beam $pid ignored SIGTERM for 30 s; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            wait_gone "$pid" 5 || true
        fi
        for k in $kids; do kill -TERM "$k" 2>/dev/null || true; done
        log "stopped (pid $pid)"
    fi
    # The sh/runuser wrapper normally exits with the beam; make sure.
    launcher=$(cat "$BASE/launcher.pid" 2>/dev/null || true)
    if pid_alive "$launcher" '^(runuser|rabbitmq-server|sh|bash|env)$'; then
        kill -TERM "$launcher" 2>/dev/null || true
        wait_gone "$launcher" 5 || true
    fi
    # Our private epmd (its port is ours alone, so this cannot hit another node's).
    epmd_port=$(node_var ERL_EPMD_PORT)
    if [[ -n $epmd_port ]] && port_listening "$epmd_port"; then
        run_rmq epmd -port "$epmd_port" -kill >/dev/null 2>&1 || true
        for _ in $(seq 1 50); do port_listening "$epmd_port" || break; sleep 0.1; done
        if port_listening "$epmd_port"; then log "epmd on port $epmd_port did not stop"; fi
    fi
    rm -f "$ENV_FILE"
}

ensure_cookie() {
    # The server and rabbitmqctl authenticate with $HOME/.erlang.cookie. Both run
    # as $RMQ_USER with the same HOME, so one cookie file serves both.
    is_root || return 0     # non-root: erl creates ~/.erlang.cookie itself
    local cookie="$RMQ_HOME/.erlang.cookie"
    mkdir -p "$RMQ_HOME"
    if [[ ! -s $cookie ]]; then
        # 32 random upper-case letters (hex digits mapped onto A-P). Not
        # `tr -dc </dev/urandom | head`: that dies of SIGPIPE under pipefail.
        (umask 077; od -An -tx1 -N16 /dev/urandom | tr -d ' \n' | tr '0-9a-f' 'A-P' >"$cookie")
    fi
    chown "$RMQ_USER:" "$RMQ_HOME" "$cookie"
    chmod 400 "$cookie"
}

do_start() {
    local dir amqp_port dist_port epmd_port launcher
    # A node left over from an earlier (possibly crashed) run: stop, then wipe.
    do_stop
    wipe_server_dir "$BASE"
    dir=$(make_server_dir "$WORKDIR" rabbit "$RMQ_USER")
    BASE=$dir
    ensure_cookie

    amqp_port=5672
    port_is_free "$amqp_port" || amqp_port=$(free_port)
    dist_port=$(free_port)
    while [[ $dist_port == "$amqp_port" ]]; do dist_port=$(free_port); done
    epmd_port=$(free_port)
    while [[ $epmd_port == "$amqp_port" || $epmd_port == "$dist_port" ]]; do epmd_port=$(free_port); done

    as_user "$RMQ_USER" mkdir -p "$dir/mnesia" "$dir/log"
    as_user "$RMQ_USER" tee "$dir/rabbitmq.conf" >/dev/null <<EOF
listeners.tcp.default = 127.0.0.1:$amqp_port
# Explicit (it is the default): a nearly full CI disk then blocks publishers
# with an alarm in rabbit.log instead of a mystery.
disk_free_limit.absolute = 50MB
log.console = false
log.file.level = warning
EOF
    # No plugins at all (the management plugin is not needed).
    echo '[].' | as_user "$RMQ_USER" tee "$dir/enabled_plugins" >/dev/null
    # Empty on purpose: keeps /etc/rabbitmq/rabbitmq-env.conf from overriding us.
    as_user "$RMQ_USER" touch "$dir/rabbitmq-env.conf"

    NODE_ENV="$dir/node.env"
    (umask 022; cat >"$NODE_ENV" <<EOF
RABBITMQ_NODENAME=$NODE
RABBITMQ_CONF_ENV_FILE=$dir/rabbitmq-env.conf
RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf
RABBITMQ_ADVANCED_CONFIG_FILE=$dir/advanced.config
RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
RABBITMQ_MNESIA_BASE=$dir/mnesia
RABBITMQ_LOG_BASE=$dir/log
RABBITMQ_LOGS=$dir/log/rabbit.log
RABBITMQ_PID_FILE=$dir/rabbit.pid
RABBITMQ_DIST_PORT=$dist_port
ERL_EPMD_PORT=$epmd_port
ERL_EPMD_ADDRESS=127.0.0.1
RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}
EOF
)

    # The default 1024 open files caps the broker at ~830 sockets; raise it
    # (inherited by the node) as far as we are allowed to.
    ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    # setsid + nohup: the node must outlive this script and must not get the
    # caller's terminal signals (a Ctrl-C in test.sh is handled by its trap,
    # which stops the node cleanly).
    rmq_prefix
    setsid nohup "${RMQ_PREFIX[@]}" "$RMQ_BIN/rabbitmq-server" \
        </dev/null >"$dir/log/stdout.log" 2>&1 &
    launcher=$!
    echo "$launcher" >"$dir/launcher.pid"

    # `rabbitmqctl wait PIDFILE` returns once the pid file exists and the
    # rabbit application has booted (~5 s). `timeout` guards against a hang.
    if ! run_rmq timeout 70 "$RMQ_BIN/rabbitmqctl" -n "$NODE" -q wait --timeout 60 "$dir/rabbit.pid" \
            >/dev/null 2>"$dir/log/wait.err"; then
        log "node did not come up within 60 s; last log lines:"
        tail -n 20 "$dir/log/stdout.log" "$dir/log/rabbit.log" "$dir/log/wait.err" >&2 2>/dev/null || true
        do_stop
        die "RabbitMQ did not start"
    fi
    (umask 077; cat >"$ENV_FILE" <<EOF
# Written by infra/rabbitmq.sh for the node in $dir (pid $(server_pid)).
export SAAS_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$amqp_port/'
EOF
)
    log "running on 127.0.0.1:$amqp_port (pid $(server_pid), dist $dist_port, epmd $epmd_port); env in $ENV_FILE"
}

case $CMD in
    start) do_start ;;
    stop) do_stop ;;
    status)
        if is_running; then
            echo "rabbitmq running (pid $(server_pid), node $NODE)"
        else
            echo "rabbitmq not running"; exit 1
        fi ;;
    ctl)
        [[ -f $NODE_ENV ]] || die "no node in $WORKDIR"
        ctl "$@" ;;
    *) usage ;;
esac
