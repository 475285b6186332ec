#!/usr/bin/env bash
# Re-records ../netty-nio's Netty NIO server (its launcher project) on JDK 25, wrk for 2 s; I/O calls traced,
# ready when it prints "listening".
# Writes strace.log.xz, recording.iotrace.xz and recording.jfr.xz into $1 (default: this folder); the work is
# ../record-server.sh's.
source "$(dirname "$0")/../record-server.sh"
MAIN=corpus.NettyNioServer
PROJECT=$HERE/../netty-nio
JDK=25
STRACE_FLAGS=("${STRACE_IO[@]}")
READY=ready_listening
record_server "$@"
