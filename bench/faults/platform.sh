# shellcheck shell=bash
# The platform as the fault suite runs it: a private PostgreSQL and RabbitMQ (eng/servers.sh) with a login per
# service, and the identity service, the inventory and the gateway started directly from their Release builds on
# fixed loopback ports, each restartable on its own. Sourced by bench/faults/run.sh after eng/servers.sh.

# Logins of the services, as the app host's Processes mode makes them (Llo.AppHost/Infrastructure/DatabaseOwner.cs
# and BrokerAccounts.cs): a PostgreSQL role owning only its own database, no superuser; a broker user that may use
# only its own queues "<name>.…", the shared exchanges and the default exchange. Passwords are generated (llo_secret).

# faults_sql DIR PORT DATABASE SQL: runs SQL as the superuser (on stdin: a password in it stays off the command line).
faults_sql() {
  local password; password=$(pg_password "$1") || return 1
  printf '%s\n' "$4" | as_user postgres env PGPASSWORD="$password" "$PG_BIN/psql" -h 127.0.0.1 -p "$2" -U postgres -d "$3" -v ON_ERROR_STOP=1 -qtA
}

# faults_database_owner DIR PORT NAME: role NAME (password in secrets/NAME-db.password) owning database NAME.
faults_database_owner() {
  local dir=$1 port=$2 name=$3 password
  password=$(llo_secret "$(dirname "$dir")/secrets/$name-db.password") || return 1
  if [ "$(faults_sql "$dir" "$port" postgres "SELECT 1 FROM pg_roles WHERE rolname = '$name'")" != 1 ]; then
    faults_sql "$dir" "$port" postgres "CREATE ROLE \"$name\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$password'"
  fi
  if [ "$(faults_sql "$dir" "$port" postgres "SELECT 1 FROM pg_database WHERE datname = '$name'")" != 1 ]; then
    faults_sql "$dir" "$port" postgres "CREATE DATABASE \"$name\" OWNER \"$name\""
  fi
  faults_sql "$dir" "$port" postgres "REVOKE ALL ON DATABASE \"$name\" FROM PUBLIC"
}

# faults_database_connection DIR PORT NAME: the Npgsql connection string of role NAME on its database.
faults_database_connection() {
  local password; password=$(llo_secret "$(dirname "$1")/secrets/$3-db.password") || return 1
  echo "Host=127.0.0.1;Port=$2;Username=$3;Password=$password;Database=$3"
}

# faults_broker_user DIR NODE NAME: broker user NAME (password in secrets/NAME-broker.password).
faults_broker_user() {
  local dir=$1 node=$2 name=$3 password own shared='llo\.events|llo\.dead'
  password=$(llo_secret "$(dirname "$dir")/secrets/$name-broker.password") || return 1
  own="$name\\..*"
  rabbit_ctl "$dir" "$node" add_user "$name" "$password" >/dev/null 2>&1 ||
    rabbit_ctl "$dir" "$node" change_password "$name" "$password" >/dev/null
  rabbit_ctl "$dir" "$node" set_permissions -p / "$name" "^($own|$shared)\$" "^($own|$shared|amq\\.default)\$" "^($own|$shared)\$" >/dev/null
}

# faults_broker_uri DIR PORT NAME: the AMQP URI of broker user NAME.
faults_broker_uri() {
  local password; password=$(llo_secret "$(dirname "$1")/secrets/$3-broker.password") || return 1
  echo "amqp://$3:$password@127.0.0.1:$2/"
}

# faults_start_dotnet LOG DIR DLL [NAME=VALUE...]: starts a Release build from its output folder (its content root)
# in the background, in Production, logging warnings; sets STARTED_PID.
faults_start_dotnet() {
  local log=$1 dir=$2 dll=$3; shift 3
  env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "$@" \
    bash -c 'cd "$1" && exec dotnet "$2"' _ "$dir" "$dll" >>"$log" 2>&1 &
  STARTED_PID=$!
}

# faults_wait_healthy URL SECONDS: waits for a 200 from URL; fails after SECONDS.
faults_wait_healthy() {
  local url=$1 deadline=$((SECONDS + $2))
  until curl -sf -m 2 -o /dev/null "$url"; do
    [ $SECONDS -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

# faults_kill_tree PID: SIGKILL to PID first (so it cannot react to its children dying), then to its children.
faults_kill_tree() {
  local pid=$1 children
  children=$(ps -o pid= --ppid "$pid" 2>/dev/null || true)
  kill -KILL "$pid" 2>/dev/null || true
  for child in $children; do kill -KILL "$child" 2>/dev/null || true; done
}
