# Shared by up.sh, down.sh and status.sh (sourced, not run).
# Every address comes from the same env variables the apps read, so scripts and apps agree.

INFRA_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KAFKA_HOME="$INFRA_REPO_ROOT/.infra/kafka" # git-ignored: jars, data, config, logs, pid
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_DATA="$KAFKA_HOME/data"
KAFKA_LOGS="$KAFKA_HOME/logs"
KAFKA_PID_FILE="$KAFKA_HOME/kafka.pid"

KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lienthong}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

PG_SCHEMAS=(gateway catalogue intake payment notification connector legacy_sim)

say() { printf '%s\n' "$*"; }
warn() { printf '%s\n' "$*" >&2; }
die() { warn "$*"; exit 1; }

# url_host_port URL DEFAULT_PORT -> "host port". Accepts scheme://user:pw@host:port/path?q,
# a bare host:port (KAFKA_BROKERS) and [v6]:port. Only the first entry of a comma list counts.
url_host_port() {
  local hp="${1%%,*}"
  hp="${hp#*://}"; hp="${hp%%/*}"; hp="${hp%%\?*}"; hp="${hp##*@}"
  local host port
  if [[ "$hp" == \[* ]]; then
    host="${hp%%]*}"; host="${host#\[}"; port="${hp#*]}"; port="${port#:}"
  elif [[ "$hp" == *:* ]]; then
    host="${hp%:*}"; port="${hp##*:}"
  else
    host="$hp"; port=""
  fi
  printf '%s %s\n' "${host:-127.0.0.1}" "${port:-$2}"
}

# Pure bash, so nothing beyond coreutils is needed; `timeout` guards against a
# black-holed host where connect() would hang instead of being refused.
port_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }

# wait_until SECONDS CMD...: polls CMD until it succeeds; fails once the deadline passes.
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}
wait_for_port() { wait_until "$3" port_open "$1" "$2"; }

# Prints the pid from the pid file only if that process is still our broker
# (guards against a stale file whose pid the kernel has since reused).
kafka_pid() {
  local pid
  pid="$(cat "$KAFKA_PID_FILE" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && grep -qa 'kafka\.Kafka' "/proc/$pid/cmdline" 2>/dev/null || return 1
  printf '%s\n' "$pid"
}

# Redis answers PING with +PONG, or -NOAUTH when a password is set: either way it is up.
redis_up() {
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "PING\r\n" >&3 && IFS= read -r l <&3 && [[ "$l" == [+-]* ]]' "$1" "$2" 2>/dev/null
}

# pg_split URL -> sets PG_BASE (scheme://user@host:port) and PG_DB. The query string is dropped:
# apps may carry options there (e.g. ?schema=) that psql rejects as unknown URI parameters.
pg_split() {
  local url="${1%%\?*}"
  [[ "$url" =~ ^(postgres(ql)?://[^/]+)/([A-Za-z0-9_]+)$ ]] ||
    die "cannot parse PostgreSQL URL '$1' (expected postgres://user@host:port/dbname, dbname of [A-Za-z0-9_])"
  PG_BASE="${BASH_REMATCH[1]}"
  PG_DB="${BASH_REMATCH[3]}"
}
