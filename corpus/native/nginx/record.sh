#!/usr/bin/env bash
# nginx (master + 2 workers, epoll) under wrk, traced from start: record.sh [OUTDIR]
source "$(dirname "$0")/../_lib.sh"
rec_init "$@"
need nginx "apt-get install nginx-light"
need wrk "apt-get install wrk"

PORT=$(free_port)
chmod 755 "$TMP"   # workers run as www-data
mkdir -p "$TMP/www"
echo "hello from nginx" > "$TMP/www/index.html"
sed -e "s|@PORT@|$PORT|g" -e "s|@TMP@|$TMP|g" "$REC_DIR/nginx.conf.in" > "$TMP/nginx.conf"

strace_start nginx -p "$TMP" -c "$TMP/nginx.conf" -e "$TMP/error.log"
wait_port "$PORT"
sleep 0.3
# 2 wrk threads x 8 keep-alive connections, each thread stops after 400 responses
wrk_capped 400 -t2 -c16 -d2s "http://127.0.0.1:$PORT/" >&2
sleep 0.2
strace_stop QUIT
rec_finish
