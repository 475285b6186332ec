#!/usr/bin/env bash
# socat TCP-LISTEN,fork EXEC:/bin/cat (a forked socat process per connection) under short echo clients, traced from start
source "$(dirname "$0")/../_lib.sh"
rec_init "$@"
need socat "apt-get install socat"
need "$PY" "apt-get install python3"

PORT=$(free_port)
strace_start socat "TCP-LISTEN:$PORT,bind=127.0.0.1,fork,reuseaddr" EXEC:/bin/cat
wait_port "$PORT"
sleep 0.3
# 40 short connections, 4 at a time, 5 echoed lines each
"$PY" "$REC_DIR/echo_client.py" "$PORT" 40 5 4 >&2
sleep 0.3
strace_stop TERM
rec_finish
