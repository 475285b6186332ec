#!/usr/bin/env bash
# Re-records Reactor Netty (NIO: -Dreactor.netty.native=false) on JDK 17, wrk for 2 s; I/O calls traced, ready when it prints
# "listening".
# Writes strace.log.xz, recording.iotrace.xz and recording.jfr.xz into $1 (default: this folder); the work is
# ../record-server.sh's.
source "$(dirname "$0")/../record-server.sh"
MAIN=corpus.ReactorNettyServer
JVM_FLAGS=(-Dreactor.netty.native=false)
STRACE_FLAGS=("${STRACE_IO[@]}")
READY=ready_listening
record_server "$@"
