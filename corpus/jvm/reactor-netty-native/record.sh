#!/usr/bin/env bash
# Re-records Reactor Netty on its default native epoll transport on JDK 17, wrk for 2 s; I/O calls traced, ready when
# it prints "listening". The launcher is ../reactor-netty's, run without -Dreactor.netty.native=false.
# Writes strace.log.xz, recording.iotrace.xz and recording.jfr.xz into $1 (default: this folder); the work is
# ../record-server.sh's.
source "$(dirname "$0")/../record-server.sh"
MAIN=corpus.ReactorNettyServer
PROJECT=$HERE/../reactor-netty
STRACE_FLAGS=("${STRACE_IO[@]}")
READY=ready_listening
record_server "$@"
