#!/usr/bin/env bash
# Re-records smart-socket (the JDK AsynchronousServerSocketChannel) on JDK 17, wrk for 2 s; every system call traced,
# ready when GET / answers.
# Writes strace.log.xz, recording.iotrace.xz and recording.jfr.xz into $1 (default: this folder); the work is
# ../record-server.sh's.
source "$(dirname "$0")/../record-server.sh"
MAIN=corpus.jdkasync.SmartSocketHello
record_server "$@"
