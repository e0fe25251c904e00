#!/usr/bin/env bash
# One line per component; exit 0 only when all are up (usable as a precondition in other scripts).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

read -r KAFKA_HOST KAFKA_PORT < <(url_host_port "$KAFKA_BROKERS" 9092)
read -r PG_HOST PG_PORT < <(url_host_port "$DATABASE_URL" 5432)
read -r REDIS_HOST REDIS_PORT < <(url_host_port "$REDIS_URL" 6379)
rc=0
down() { say "$1: down ($2)"; rc=1; }

if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
  pid="$(kafka_pid)" && say "kafka: up ($KAFKA_HOST:$KAFKA_PORT, pid $pid)" || say "kafka: up ($KAFKA_HOST:$KAFKA_PORT, not started by up.sh)"
else
  down kafka "$KAFKA_HOST:$KAFKA_PORT"
fi

# The server answering is not enough for the apps: their database must exist too.
pg_split "$DATABASE_URL"
if ! port_open "$PG_HOST" "$PG_PORT"; then
  down postgres "$PG_HOST:$PG_PORT"
elif command -v psql >/dev/null && ! PGCONNECT_TIMEOUT=5 psql -X -q -tA -d "$PG_BASE/$PG_DB" -c 'SELECT 1' >/dev/null 2>&1; then
  down postgres "$PG_HOST:$PG_PORT reachable, but database $PG_DB is not: run scripts/infra/up.sh"
else
  say "postgres: up ($PG_HOST:$PG_PORT/$PG_DB)"
fi

if redis_up "$REDIS_HOST" "$REDIS_PORT"; then say "redis: up ($REDIS_HOST:$REDIS_PORT)"; else down redis "$REDIS_HOST:$REDIS_PORT"; fi
exit "$rc"
