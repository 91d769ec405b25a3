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
# by them, otherwise a private folder under /var/tmp named after the checkout. /var/tmp is shared
# by every account: a folder there that someone else owns, or that others may write, is refused.
llo_state_dir() {
  local wanted=$1
  mkdir -p "$wanted"
  if [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$wanted" 2>/dev/null; then
    echo "$wanted"
  else
    local alt="/var/tmp/llo-$(echo "$wanted" | md5sum | cut -c1-12)"
    [ -e "$alt" ] || [ -L "$alt" ] || mkdir -m 755 "$alt" 2>/dev/null || true
    if [ -L "$alt" ] || [ ! -d "$alt" ] || [ ! -O "$alt" ]; then
      echo "The state directory $alt is not a directory of $(id -un): remove it and run again." >&2
      return 1
    fi
    if [ $(( 0$(stat -c %a "$alt") & 022 )) != 0 ]; then
      echo "The state directory $alt can be written by other accounts: run 'chmod go-w $alt' if nobody else changed it, or remove it." >&2
      return 1
    fi
    echo "$alt"
  fi
}

# llo_secret FILE: the password in FILE, generated first when FILE does not exist. The file is created
# exclusively (noclobber: never through a file or link someone placed there) with mode 0600 from the start.
llo_secret() {
  local file=$1
  (umask 077; mkdir -p "$(dirname "$file")")
  if [ ! -e "$file" ] && [ ! -L "$file" ]; then
    (umask 077; set -o noclobber; od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$file") 2>/dev/null || true
  fi
  if [ -L "$file" ] || [ ! -f "$file" ] || [ ! -O "$file" ] || [ $(( 0$(stat -c %a "$file") & 077 )) != 0 ]; then
    echo "The password file $file is not a private file of $(id -un) (mode 600): remove it and run again." >&2
    return 1
  fi
  cat "$file"
}

# A pid file outlives a killed server and its number may since belong to another process:
# pid_has_arg PID ARG succeeds only when that process's command line has ARG (our data directory, our binary).
pid_has_arg() {
  local pid=$1 arg=$2
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF -- "$arg"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The superuser password of the PostgreSQL in DIR (generated once, in the state directory's secrets/).
pg_password() { llo_secret "$(dirname "$1")/secrets/postgres.password"; }

# pg_connection DIR PORT: an Npgsql connection string of the superuser.
pg_connection() {
  local password; password=$(pg_password "$1") || return 1
  echo "Host=127.0.0.1;Port=$2;Username=postgres;Password=$password;Database=postgres"
}

# pg_start DIR PORT: initialises DIR on first use, starts the server, waits until it accepts.
# TCP logins need a password (scram-sha-256); the superuser's is pg_password DIR.
pg_start() {
  local dir=$1 port=$2 password
  password=$(pg_password "$dir") || return 1
  own_dir postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    own_dir postgres "$dir/data"
    # initdb reads the password as the postgres account: a private copy it owns, removed right after.
    (umask 077; rm -f "$dir/pwfile"; set -o noclobber; echo "$password" >"$dir/pwfile")
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir/pwfile"; fi
    as_user postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
      --pwfile="$dir/pwfile" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    local status=$?
    rm -f "$dir/pwfile"
    [ $status = 0 ] || { echo "PostgreSQL initdb failed, see $dir/initdb.log" >&2; return 1; }
  fi
  own_dir postgres "$dir/socket"
  as_user postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $port -h 127.0.0.1 -k $dir/socket" start >/dev/null \
    || { echo "PostgreSQL did not start, see $dir/postgres.log" >&2; return 1; }
}

pg_stop() {
  local dir=$1
  [ -f "$dir/data/postmaster.pid" ] || return 0
  # pg_ctl would signal whatever process now has the pid file's number.
  pid_has_arg "$(head -1 "$dir/data/postmaster.pid")" "$dir/data" || return 0
  as_user postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# Erlang distribution and the node's own epmd listen on loopback only (the machine's shared epmd
# on 4369 may listen on every address), for the broker and for rabbitmqctl alike.
RABBIT_LOOPBACK_DIST="-kernel inet_dist_use_interface {127,0,0,1}"

# rabbit_env DIR NODE PORT: the environment of a private node, one NAME=VALUE a line. The node's epmd
# port is in DIR/epmd.port (written at its start, by rabbit_start or the app host).
rabbit_env() {
  local dir=$1 node=$2 port=$3 epmd
  epmd=$(cat "$dir/epmd.port" 2>/dev/null || echo 4369)
  printf '%s\n' HOME="$dir" RABBITMQ_NODENAME="$node" RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT="$((port + 10))" \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_CONFIG_FILE="$dir/rabbitmq" \
    ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$epmd" \
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=$RABBIT_LOOPBACK_DIST" "RABBITMQ_CTL_ERL_ARGS=$RABBIT_LOOPBACK_DIST"
}

# rabbitmqctl for a private node: the same HOME holds the same Erlang cookie.
rabbit_ctl() {
  local dir=$1 node=$2; shift 2
  local -a environment
  mapfile -t environment < <(rabbit_env "$dir" "$node" 0)
  as_user rabbitmq env "${environment[@]}" "$RABBIT_BIN/rabbitmqctl" -n "$node" "$@"
}

# The administrator's password of the RabbitMQ in DIR (generated once, in the state directory's secrets/).
rabbit_password() { llo_secret "$(dirname "$1")/secrets/rabbitmq.password"; }

# rabbit_uri DIR PORT: the AMQP URI of the administrator "llo" (there is no guest).
rabbit_uri() {
  local password; password=$(rabbit_password "$1") || return 1
  echo "amqp://llo:$password@127.0.0.1:$2/"
}

# rabbit_start DIR NODE PORT: starts a private RabbitMQ node and waits until it is running. Its one
# user is "llo" (administrator, password rabbit_password DIR); guest is never created, or removed.
rabbit_start() {
  local dir=$1 node=$2 port=$3 password fresh=true
  password=$(rabbit_password "$dir") || return 1
  own_dir rabbitmq "$dir"
  [ -d "$dir/mnesia" ] && fresh=false
  mkdir -p "$dir/mnesia" "$dir/log"
  [ -f "$dir/enabled_plugins" ] || echo "[]." >"$dir/enabled_plugins"
  # The node's own epmd port, away from the 5xxxx ports of other test and bench nodes and their
  # distribution ports (port + 10).
  echo "${LLO_RABBITMQ_EPMD_PORT:-$((port > 11024 ? port - 10000 : port + 11))}" >"$dir/epmd.port"
  # Holds a password: private to the rabbitmq account.
  (umask 077; rm -f "$dir/rabbitmq.conf"; set -o noclobber
   printf 'listeners.tcp.default = 127.0.0.1:%s\ndefault_user = llo\ndefault_pass = %s\ndefault_user_tags.administrator = true\n' \
     "$port" "$password" >"$dir/rabbitmq.conf")
  own_dir rabbitmq "$dir"
  local -a environment
  mapfile -t environment < <(rabbit_env "$dir" "$node" "$port")
  local attempt pid waited
  for attempt in 1 2 3 4 5; do
    # The soft open-files limit raised to the hard one, after runuser (its PAM session sets the limits again):
    # RabbitMQ's file handle cache stops taking new connections (they hang before the handshake) once its files and
    # sockets reach 90 % of the soft limit, 1024 by default here. The quorum queues that a test run declares by the
    # hundred passed it (945 used of 927, seen 2 December). The app host's broker inherits .NET's raised limit.
    as_user rabbitmq sh -c 'ulimit -S -n "$(ulimit -H -n)" 2>/dev/null; exec "$@"' rabbitmq-server \
      env "${environment[@]}" nohup "$RABBIT_BIN/rabbitmq-server" >"$dir/server.out" 2>&1 &
    pid=$!
    waited=0
    until port_open "$port"; do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1; waited=$((waited + 1))
      if [ $waited -ge 90 ]; then echo "RabbitMQ did not open port $port, see $dir/server.out" >&2; return 1; fi
    done
    port_open "$port" && break
    # The node stopped before it listened. Seen: its distribution port (port + 10) was held for a moment by another
    # process's outgoing connection, since ports above 32768 are also handed out for those. A moment later it is free.
    echo "RabbitMQ stopped while starting (attempt $attempt of 5): $(grep -m1 -oE 'dist_port_already_used[^}]*|eaddrinuse' "$dir/server.out")" >&2
    if [ "$attempt" = 5 ]; then echo "RabbitMQ did not start, see $dir/server.out" >&2; return 1; fi
    sleep $((attempt * attempt * 2))
  done
  rabbit_ctl "$dir" "$node" await_startup >/dev/null 2>&1 || true
  # The marker names the password the node's user was last given, so a restart skips the
  # rabbitmqctl calls below: each boots an Erlang VM, and five of them took a minute or more on a
  # busy machine.
  local marker="$dir/user.sha256" digest
  digest=$(printf '%s' "$password" | sha256sum | cut -d' ' -f1)
  if ! $fresh && [ "$(cat "$marker" 2>/dev/null)" != "$digest" ]; then
    # A node made before it had its own user (the default user applies to a new node only).
    rabbit_ctl "$dir" "$node" add_user llo "$password" >/dev/null 2>&1 ||
      rabbit_ctl "$dir" "$node" change_password llo "$password" >/dev/null 2>&1
    rabbit_ctl "$dir" "$node" set_user_tags llo administrator >/dev/null 2>&1
    rabbit_ctl "$dir" "$node" set_permissions -p / llo '.*' '.*' '.*' >/dev/null 2>&1
    rabbit_ctl "$dir" "$node" delete_user guest >/dev/null 2>&1 || true
  fi
  (umask 077; echo "$digest" >"$marker")
}

rabbit_stop() {
  local dir=$1 node=$2
  rabbit_ctl "$dir" "$node" stop >/dev/null 2>&1 || true
  # The node's own epmd (never the machine's on 4369) has nothing left to serve.
  if [ -f "$dir/epmd.port" ] && [ "$(cat "$dir/epmd.port")" != 4369 ]; then
    as_user rabbitmq env ERL_EPMD_PORT="$(cat "$dir/epmd.port")" epmd -kill >/dev/null 2>&1 || true
  fi
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
