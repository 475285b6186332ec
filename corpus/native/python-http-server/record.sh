#!/usr/bin/env bash
# Debian python3 -m http.server (ThreadingHTTPServer: a thread per connection) under wrk, traced from start
source "$(dirname "$0")/../_lib.sh"
rec_init "$@"
need "$PY" "apt-get install python3"
need wrk "apt-get install wrk"

PORT=$(free_port)
mkdir -p "$TMP/www"
echo "hello from http.server" > "$TMP/www/index.html"
strace_start "$PY" -m http.server --bind 127.0.0.1 --directory "$TMP/www" "$PORT"
wait_port "$PORT"
sleep 0.3
# one warm-up request first: the first GET loads /etc/mime.types (mimetypes.init), which under strace and
# 16 new threads fighting for the GIL can stall the whole 2 s load
exec 3<>"/dev/tcp/127.0.0.1/$PORT"; printf 'GET / HTTP/1.0\r\n\r\n' >&3; cat <&3 >/dev/null; exec 3<&-
# 2 wrk threads x 8 connections (HTTP/1.0 server: one request per connection), each thread stops after 150 responses
wrk_capped 150 -t2 -c16 -d2s "http://127.0.0.1:$PORT/" >&2
sleep 0.2
strace_stop TERM
rec_finish
