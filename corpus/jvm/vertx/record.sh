#!/usr/bin/env bash
# Re-records this corpus program: builds the launcher, runs it on 127.0.0.1 under strace and the iotrace agent
# (blocking=true, so lint's Flight Recorder file is written too), drives it with wrk for 2 s, stops it and writes
# recording.iotrace.xz, recording.jfr.xz and strace.log.xz into $1 (default: this folder).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=$(mkdir -p "${1:-$here}" && cd "${1:-$here}" && pwd)
agent="$root/cli/target/iotrace-agent.jar"
main=corpus.VertxServer
server_flags=()
java_home=${JAVA_HOME:-}
load() { wrk -t2 -c16 -d2s "http://127.0.0.1:$port/"; }

need() { command -v "$1" >/dev/null 2>&1 || { echo "needs $1: $2" >&2; exit 1; }; }
need strace "apt-get install strace"
need wrk "apt-get install wrk"
need xz "apt-get install xz-utils"
need ss "apt-get install iproute2"
need mvn "apt-get install maven"
java="${java_home:+$java_home/bin/}java"
"$java" -version >/dev/null 2>&1 || { echo "needs a JDK 17+: apt-get install openjdk-17-jdk-headless" >&2; exit 1; }
[ -f "$agent" ] || { echo "needs the iotrace agent: run 'mvn -B -q -DskipTests package' in the repository root" >&2; exit 1; }

if [ ! -f "$here/target/classpath.txt" ] || [ -n "$(find "$here/src" "$here/pom.xml" -newer "$here/target/classpath.txt")" ]; then
    (cd "$here" && JAVA_HOME="$java_home" mvn -B -q -DskipTests package)
fi
classpath="$here/target/classes:$(cat "$here/target/classpath.txt")"

port=$((20000 + RANDOM % 40000))
while [ -n "$(ss -ltnH "sport = :$port")" ]; do port=$((20000 + RANDOM % 40000)); done

work=$(mktemp -d)
strace_pid=
cleanup() {
    if [ -n "$strace_pid" ] && kill -0 "$strace_pid" 2>/dev/null; then
        for p in $(pgrep -P "$strace_pid"); do kill -TERM "$p" 2>/dev/null || true; done
        for _ in $(seq 100); do kill -0 "$strace_pid" 2>/dev/null || break; sleep 0.2; done
        for p in $(pgrep -P "$strace_pid"); do kill -KILL "$p" 2>/dev/null || true; done
        kill -KILL "$strace_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

strace -f --seccomp-bpf -q -e trace=%desc,%network,%process,futex -ttt -T -yy -o "$work/strace.log" -- \
    "$java" "-javaagent:$agent=dir=$work,blocking=true" ${server_flags[@]+"${server_flags[@]}"} -cp "$classpath" "$main" "$port" \
    >"$work/server.out" 2>&1 &
strace_pid=$!
for _ in $(seq 300); do
    grep -q '^listening' "$work/server.out" && break
    kill -0 "$strace_pid" 2>/dev/null || { cat "$work/server.out" >&2; echo "the server exited" >&2; exit 1; }
    sleep 0.1
done
grep -q '^listening' "$work/server.out" || { cat "$work/server.out" >&2; echo "the server did not start" >&2; exit 1; }

load

# SIGTERM to the JVM (strace's child): its shutdown hooks close the recording and the Flight Recorder file.
java_pid=$(pgrep -P "$strace_pid")
kill -TERM "$java_pid"
for _ in $(seq 150); do kill -0 "$strace_pid" 2>/dev/null || break; sleep 0.2; done
kill -0 "$strace_pid" 2>/dev/null && { echo "the server did not stop" >&2; exit 1; }
strace_pid=

xz -9 -c "$work/iotrace-$java_pid.iotrace" >"$out/recording.iotrace.xz"
xz -9 -c "$work/iotrace-$java_pid.jfr" >"$out/recording.jfr.xz"
xz -9 -c "$work/strace.log" >"$out/strace.log.xz"
ls -l "$work" "$out"/*.xz
