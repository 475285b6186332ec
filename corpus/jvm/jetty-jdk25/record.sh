#!/usr/bin/env bash
# Re-records the jetty launcher (../jetty: same main class, same load) with JDK 25 running the server.
# Writes strace.log.xz, recording.iotrace.xz and recording.jfr.xz into $1 (default: this folder); the work is
# ../record-server.sh's.
source "$(dirname "$0")/../record-server.sh"
PROJECT=$HERE/../jetty
MAIN=corpus.jetty.JettyHello
JDK=25
record_server "$@"
