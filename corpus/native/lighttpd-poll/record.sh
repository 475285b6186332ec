#!/usr/bin/env bash
# lighttpd with server.event-handler = "poll" (one process, one poll() loop) under wrk, traced from start
source "$(dirname "$0")/../_lib.sh"
rec_init "$@"
need lighttpd "apt-get install lighttpd"
need wrk "apt-get install wrk"

PORT=$(free_port)
mkdir -p "$TMP/www"
echo "hello from lighttpd" > "$TMP/www/index.html"
sed -e "s|@PORT@|$PORT|g" -e "s|@TMP@|$TMP|g" "$REC_DIR/lighttpd.conf.in" > "$TMP/lighttpd.conf"

strace_start lighttpd -D -f "$TMP/lighttpd.conf"
wait_port "$PORT"
sleep 0.3
# 2 wrk threads x 8 keep-alive connections, each thread stops after 400 responses (800 requests)
wrk_capped 400 -t2 -c16 -d2s "http://127.0.0.1:$PORT/" >&2
sleep 0.2
strace_stop TERM
rec_finish
