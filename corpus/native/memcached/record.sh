#!/usr/bin/env bash
# memcached -t 2 (libevent: 1 listener thread + 2 worker threads, each its own event_base) under memcslap, traced from start
source "$(dirname "$0")/../_lib.sh"
rec_init "$@"
need memcached "apt-get install memcached"
need memcslap "apt-get install libmemcached-tools"

PORT=$(free_port)
# -U 0: no UDP listener; -u nobody: memcached refuses to run as root otherwise
strace_start memcached -l 127.0.0.1 -p "$PORT" -U 0 -t 2 -m 16 -c 256 -u nobody
wait_port "$PORT"
sleep 0.3
# 4 client threads (one connection each): set 400 keys, then get them
memcslap -s "127.0.0.1:$PORT" -c 4 -e 400 -t set >&2
memcslap -s "127.0.0.1:$PORT" -c 4 -e 400 -t get >&2
sleep 0.2
strace_stop TERM
rec_finish
