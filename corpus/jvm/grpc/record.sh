#!/usr/bin/env bash
# Re-records gRPC Java (Netty NIO transport) on JDK 17, driven by its own gRPC client (corpus.GrpcLoad: 4 channels x 250
# unary calls, in a JVM that is not traced); I/O calls traced, ready when it prints "listening".
# Writes strace.log.xz, recording.iotrace.xz and recording.jfr.xz into $1 (default: this folder); the work is
# ../record-server.sh's.
source "$(dirname "$0")/../record-server.sh"
MAIN=corpus.GrpcServer
JVM_FLAGS=(-Dio.grpc.netty.shaded.io.netty.transport.noNative=true)
STRACE_FLAGS=("${STRACE_IO[@]}")
READY=ready_listening
NEEDS=()
load() { env -u JAVA_TOOL_OPTIONS "$JAVA" -cp "$CLASS_PATH" corpus.GrpcLoad "$PORT" 4 250; }
record_server "$@"
