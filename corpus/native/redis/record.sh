#!/usr/bin/env bash
# redis-server (single-threaded ae/epoll loop, io-threads 1 by default) under redis-benchmark, traced from start
source "$(dirname "$0")/../_lib.sh"
rec_init "$@"
need redis-server "apt-get install redis-server"
need redis-benchmark "apt-get install redis-tools"

PORT=$(free_port)
# no RDB/AOF persistence, so no fork for snapshots; io-threads left at its default (1)
strace_start redis-server --port "$PORT" --bind 127.0.0.1 --daemonize no --save "" --appendonly no \
  --dir "$TMP" --logfile "$TMP/redis.log" --pidfile "$TMP/redis.pid"
wait_port "$PORT"
sleep 0.3
# 4 clients, 1500 SETs then 1500 GETs, no pipelining
redis-benchmark -h 127.0.0.1 -p "$PORT" -c 4 -n 1500 -t set,get -q >&2
sleep 0.2
strace_stop TERM
rec_finish
