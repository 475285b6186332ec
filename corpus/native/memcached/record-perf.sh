#!/usr/bin/env bash
# memcached -t 4 (libevent: 1 listener thread + 4 worker threads) under memcslap, its syscalls recorded from start by
# perf record -e raw_syscalls:sys_enter,raw_syscalls:sys_exit (CLOCK_MONOTONIC), written by perf script to
# perf-script.log.xz: the benchmark's perf script row (iotrace benchmark strace-parse) is built from it. Needs root
# (or perf_event_paranoid <= -1) for the tracepoints.
source "$(dirname "$0")/../_lib.sh"
rec_init "$@"
need memcached "apt-get install memcached"
need memcslap "apt-get install libmemcached-tools"
need perf "apt-get install linux-perf"

PORT=$(free_port)
perf record -q -e raw_syscalls:sys_enter,raw_syscalls:sys_exit -k CLOCK_MONOTONIC -o "$TMP/perf.data" -- \
  memcached -l 127.0.0.1 -p "$PORT" -U 0 -t 4 -m 16 -c 256 -u nobody >"$TMP/program.out" 2>&1 &
PERF_PID=$!
wait_port "$PORT"
sleep 0.3
# 8 client threads (one connection each): set 2000 keys, then get them
memcslap -s "127.0.0.1:$PORT" -c 8 -e 2000 -t set >&2
memcslap -s "127.0.0.1:$PORT" -c 8 -e 2000 -t get >&2
sleep 0.2
pkill -TERM -x -P "$PERF_PID" memcached
wait "$PERF_PID" || true
perf script -i "$TMP/perf.data" | xz -9 >"$OUT/perf-script.log.xz"
