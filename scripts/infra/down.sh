#!/usr/bin/env bash
# Stops the Kafka broker that up.sh started. PostgreSQL and Redis are system services shared
# with other work, so they stay up. --wipe also deletes the Kafka data (next up.sh re-formats).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

wipe=false
for arg in "$@"; do
  case "$arg" in
    --wipe) wipe=true ;;
    *) die "usage: $0 [--wipe]" ;;
  esac
done

read -r KAFKA_HOST KAFKA_PORT < <(url_host_port "$KAFKA_BROKERS" 9092)
process_gone() { ! kill -0 "$1" 2>/dev/null; }

if pid="$(kafka_pid)"; then
  # SIGTERM lets the broker do a controlled shutdown and flush its logs; that takes seconds.
  kill -TERM "$pid"
  if ! wait_until 30 process_gone "$pid"; then
    warn "kafka: pid $pid still running after 30 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 5 process_gone "$pid" || die "kafka: pid $pid survived SIGKILL"
  fi
  say "kafka: stopped (pid $pid)"
elif port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
  # Something we did not start owns the port: not ours to kill, and its data is not ours to wipe.
  $wipe && die "kafka: $KAFKA_HOST:$KAFKA_PORT is served by a process up.sh did not start; not wiping"
  say "kafka: $KAFKA_HOST:$KAFKA_PORT is served by a process up.sh did not start; left alone"
else
  say "kafka: not running"
fi
rm -f "$KAFKA_PID_FILE"

if $wipe; then
  rm -rf "$KAFKA_DATA"
  say "kafka: data wiped (.infra/kafka/data); next up.sh formats anew"
fi
say "postgres, redis: left running (system services)"
