#!/usr/bin/env bash
# aiohttp (asyncio default event loop) hello app under wrk, traced from start
source "$(dirname "$0")/../_lib.sh"
rec_init "$@"
need "$PY" "apt-get install python3"
"$PY" -c 'import aiohttp' 2>/dev/null || die "needs aiohttp: apt-get install python3-aiohttp"
need wrk "apt-get install wrk"

PORT=$(free_port)
strace_start "$PY" "$REC_DIR/app.py" "$PORT"
wait_port "$PORT" 20
sleep 0.3
# 2 wrk threads x 8 keep-alive connections, each thread stops after 400 responses (800 requests)
wrk_capped 400 -t2 -c16 -d2s "http://127.0.0.1:$PORT/" >&2
sleep 0.2
strace_stop TERM
rec_finish
