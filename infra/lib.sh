# shellcheck shell=bash
# Helpers shared by the infra/*.sh scripts. Sourced, never executed.
# Kept dependency-free on purpose (bash + coreutils + procps-free /proc checks),
# because these scripts must also run on a fresh Debian 12 CI image.

# Prefer Debian's python3: a developer's PATH may put pyenv/conda first, and
# those may be broken or lack modules. Falls back to whatever python3 is on PATH.
if [[ -x /usr/bin/python3 ]]; then
    PYTHON3=/usr/bin/python3
else
    PYTHON3=$(command -v python3 || true)
fi

log() { printf '[%s] %s\n' "${LOG_TAG:-infra}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

is_root() { [[ ${EUID:-$(id -u)} -eq 0 ]]; }

# Run a command as a service account when we are root (postgres refuses to run
# as root; rabbitmq's files must belong to rabbitmq). When we are not root we
# cannot switch users, so the servers simply run as the current user.
as_user() {
    local user=$1; shift
    if is_root; then
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

# 0 if nothing listens on / is bound to 127.0.0.1:PORT. A bind test is stricter
# than a connect test: it also catches sockets bound to 0.0.0.0 that refuse us.
# SO_REUSEADDR as the servers themselves use it, so leftover TIME_WAIT
# connections on the port (e.g. from a previous run) do not count as "in use".
port_is_free() {
    local port=$1
    if [[ -n $PYTHON3 ]]; then
        "$PYTHON3" - "$port" <<'EOF'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
EOF
    else
        # Without python: free if a connect is refused.
        ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    fi
}

# 0 if something accepts TCP connections on 127.0.0.1:PORT.
port_listening() {
    # shellcheck disable=SC2016  # $1 is expanded by the inner bash
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# Print a TCP port that is free right now on 127.0.0.1. There is an unavoidable
# small race between choosing and binding; callers that can retry do so.
free_port() {
    local port
    if [[ -n $PYTHON3 ]]; then
        "$PYTHON3" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return
    fi
    for _ in $(seq 1 200); do
        port=$(( 20000 + RANDOM % 30000 ))
        if port_is_free "$port"; then echo "$port"; return; fi
    done
    die "no free TCP port found"
}

# 0 if PID exists and is not a zombie. (A killed server's processes can linger
# as zombies when PID 1 is slow to reap them; they hold no ports or files.)
pid_running() {
    local pid=$1 stat
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    stat=${stat##*) }           # fields after "(comm) "; the first is the state
    [[ ${stat%% *} != Z ]]
}

# 0 if PID is running and its executable name matches COMM_REGEX (guards
# against a stale pid file whose PID was reused by an unrelated process).
pid_alive() {
    local pid=$1 comm_re=$2 comm
    pid_running "$pid" || return 1
    comm=$(cat "/proc/$pid/comm" 2>/dev/null || true)
    [[ $comm =~ $comm_re ]]
}

# Wait up to SECONDS for PID to exit. 0 if it is gone.
wait_gone() {
    local pid=$1 secs=$2 i
    for (( i = 0; i < secs * 10; i++ )); do
        pid_running "$pid" || return 0
        sleep 0.1
    done
    ! pid_running "$pid"
}

# Absolute path of WORKDIR (created if needed), so the scripts work from any cwd.
abs_workdir() {
    [[ -n ${1:-} ]] || die "WORKDIR argument missing"
    mkdir -p "$1"
    (cd "$1" && pwd -P)
}

# Create the per-server directory WORKDIR/NAME, owned by USER, and print its
# real path. If USER cannot reach WORKDIR (e.g. the repo is checked out under
# /root, mode 700), the directory is created under /tmp instead and
# WORKDIR/NAME becomes a symlink to it, so stop/wipe still find it.
make_server_dir() {
    local workdir=$1 name=$2 user=$3 dir
    dir="$workdir/$name"
    mkdir -p "$dir"
    if is_root; then
        chown "$user:" "$dir"
        if ! runuser -u "$user" -- test -w "$dir" 2>/dev/null; then
            rmdir "$dir"
            dir=$(mktemp -d "/tmp/saas-$name.XXXXXX")
            chown "$user:" "$dir"
            ln -sfn "$dir" "$workdir/$name"
            log "$user cannot reach $workdir; using $dir (symlinked from $workdir/$name)"
        fi
    fi
    echo "$dir"
}

# Remove WORKDIR/NAME, following one level of symlink made by make_server_dir.
wipe_server_dir() {
    local path=$1 target
    if [[ -L $path ]]; then
        target=$(readlink "$path")
        case $target in
            /tmp/saas-*) rm -rf -- "$target" ;;
            *) ;;   # not one of ours: leave it alone
        esac
        rm -f -- "$path"
    else
        rm -rf -- "$path"
    fi
}
