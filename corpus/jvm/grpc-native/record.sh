#!/usr/bin/env bash
# Re-records gRPC Java on its default native epoll transport (shaded Netty) on JDK 17, driven by its own gRPC client
# (corpus.GrpcLoad: 4 channels x 250 unary calls, in a JVM that is not traced); I/O calls traced, ready when it prints
# "listening". The launcher is ../grpc's, run without noNative.
# Writes strace.log.xz, recording.iotrace.xz and recording.jfr.xz into $1 (default: this folder); the work is
# ../record-server.sh's.
source "$(dirname "$0")/../record-server.sh"
MAIN=corpus.GrpcServer
PROJECT=$HERE/../grpc
STRACE_FLAGS=("${STRACE_IO[@]}")
READY=ready_listening
NEEDS=()
load() { env -u JAVA_TOOL_OPTIONS "$JAVA" -cp "$CLASS_PATH" corpus.GrpcLoad "$PORT" 4 250; }
record_server "$@"
