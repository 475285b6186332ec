#!/usr/bin/env bash
# Re-records Reactor Netty on Netty 4.2's io_uring transport on JDK 17 (netty-transport-native-io_uring on the
# classpath: this folder's pom.xml, the launcher's source is ../reactor-netty's), wrk for 2 s; I/O calls traced, ready
# when it prints "listening". Needs a kernel that allows io_uring (/proc/sys/kernel/io_uring_disabled 0): else Reactor
# Netty falls back to epoll and the labels no longer hold.
# Writes strace.log.xz, recording.iotrace.xz and recording.jfr.xz into $1 (default: this folder); the work is
# ../record-server.sh's.
source "$(dirname "$0")/../record-server.sh"
[ "$(cat /proc/sys/kernel/io_uring_disabled 2>/dev/null || echo 0)" = 0 ] || fail "the kernel does not allow io_uring"
MAIN=corpus.ReactorNettyServer
STRACE_FLAGS=("${STRACE_IO[@]}")
READY=ready_listening
record_server "$@"
