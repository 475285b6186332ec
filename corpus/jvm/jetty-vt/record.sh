#!/usr/bin/env bash
# Re-records Jetty 12 on virtual threads (VirtualThreadPool) on JDK 25, wrk for 2 s; every system call traced, ready when GET / answers.
# Writes strace.log.xz, recording.iotrace.xz and recording.jfr.xz into $1 (default: this folder); the work is
# ../record-server.sh's.
source "$(dirname "$0")/../record-server.sh"
MAIN=corpus.jettyvt.JettyVirtualHello
JDK=25
record_server "$@"
