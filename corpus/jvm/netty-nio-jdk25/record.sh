#!/usr/bin/env bash
# Re-records the same Netty NIO server as ../netty-nio (its own copy of the launcher) on JDK 25, wrk for 2 s; I/O calls traced,
# ready when it prints "listening".
# Writes strace.log.xz, recording.iotrace.xz and recording.jfr.xz into $1 (default: this folder); the work is
# ../record-server.sh's.
source "$(dirname "$0")/../record-server.sh"
MAIN=corpus.NettyNioServer
JDK=25
STRACE_FLAGS=("${STRACE_IO[@]}")
READY=ready_listening
record_server "$@"
