# shellcheck shell=bash
# Starting and stopping the machine's own PostgreSQL 15 and RabbitMQ as private, non-system
# instances (own ports, node name and data directory). Sourced by ./llo; the AppHost's
# Processes mode does the same from C# for `./llo run`.

PG_BIN=${LLO_PG_BIN:-/usr/lib/postgresql/15/bin}
RABBIT_BIN=${LLO_RABBITMQ_BIN:-/usr/lib/rabbitmq/bin}

# Runs a command as the service account when we are root (initdb, postgres and the Erlang
# cookie refuse or misbehave as root); as ourselves otherwise.
as_user() {
  local user=$1; shift
  if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

own_dir() {
  local user=$1 dir=$2
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown -R "$user:" "$dir"; fi
}

# A directory the service accounts can reach: <repo>/.llo when its parents are traversable
# by them, otherwise a private folder under /var/tmp named after the checkout.
llo_state_dir() {
  local wanted=$1
  mkdir -p "$wanted"
  if [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$wanted" 2>/dev/null; then
    echo "$wanted"
  else
    local alt="/var/tmp/llo-$(echo "$wanted" | md5sum | cut -c1-12)"
    mkdir -p "$alt"; chmod 755 "$alt"
    echo "$alt"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pg_start DIR PORT: initialises DIR on first use, starts the server, waits until it accepts.
pg_start() {
  local dir=$1 port=$2
  own_dir postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    own_dir postgres "$dir/data"
    as_user postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { echo "PostgreSQL initdb failed, see $dir/initdb.log" >&2; return 1; }
  fi
  own_dir postgres "$dir/socket"
  as_user postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $port -h 127.0.0.1 -k $dir/socket" start >/dev/null \
    || { echo "PostgreSQL did not start, see $dir/postgres.log" >&2; return 1; }
}

pg_stop() {
  local dir=$1
  [ -f "$dir/data/postmaster.pid" ] || return 0
  as_user postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

rabbit_env() {
  local dir=$1 node=$2 port=$3
  echo HOME="$dir" RABBITMQ_NODENAME="$node" RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT="$((port + 10))" \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_CONFIG_FILE="$dir/rabbitmq"
}

# rabbitmqctl for a private node: the same HOME holds the same Erlang cookie.
rabbit_ctl() {
  local dir=$1 node=$2; shift 2
  # shellcheck disable=SC2046
  as_user rabbitmq env $(rabbit_env "$dir" "$node" 0) "$RABBIT_BIN/rabbitmqctl" -n "$node" "$@"
}

# rabbit_start DIR NODE PORT: starts a private RabbitMQ node and waits until it is running.
rabbit_start() {
  local dir=$1 node=$2 port=$3
  own_dir rabbitmq "$dir"
  mkdir -p "$dir/mnesia" "$dir/log"
  [ -f "$dir/enabled_plugins" ] || echo "[]." >"$dir/enabled_plugins"
  [ -f "$dir/rabbitmq.conf" ] || printf 'listeners.tcp.default = 127.0.0.1:%s\n' "$port" >"$dir/rabbitmq.conf"
  own_dir rabbitmq "$dir"
  # shellcheck disable=SC2046
  as_user rabbitmq env $(rabbit_env "$dir" "$node" "$port") nohup "$RABBIT_BIN/rabbitmq-server" >"$dir/server.out" 2>&1 &
  local waited=0
  until port_open "$port"; do
    sleep 1; waited=$((waited + 1))
    if [ $waited -ge 90 ]; then echo "RabbitMQ did not open port $port, see $dir/server.out" >&2; return 1; fi
  done
  rabbit_ctl "$dir" "$node" await_startup >/dev/null 2>&1 || true
}

rabbit_stop() {
  local dir=$1 node=$2
  rabbit_ctl "$dir" "$node" stop >/dev/null 2>&1 || true
}

# llo_stop_leftover_servers STATEDIR AMQPPORT: stops the PostgreSQL and RabbitMQ that the app
# host's Processes mode runs from STATEDIR (node llo-AMQPPORT@localhost), if a killed run left them.
llo_stop_leftover_servers() {
  local state; state=$(llo_state_dir "$1")
  pg_stop "$state/postgres"
  if [ -f "$state/rabbitmq/.erlang.cookie" ] && port_open "$2"; then
    rabbit_stop "$state/rabbitmq" "llo-$2@localhost"
  fi
}

# llo_wait_for_orchestrator APPHOSTPID: after the app host exits, its orchestrator (DCP, which
# watches the app host's pid) stops the services and servers it ran; wait until it has finished.
llo_wait_for_orchestrator() {
  local waited=0
  while pgrep -f -- "dcp .*--monitor $1( |$)" >/dev/null && [ $waited -lt 60 ]; do
    sleep 1; waited=$((waited + 1))
  done
}
