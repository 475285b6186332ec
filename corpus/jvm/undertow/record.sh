#!/usr/bin/env bash
# Re-records the Undertow corpus server: builds the launcher (pom.xml), runs it on 127.0.0.1 under
# `strace -f -ttt -T -yy` with the iotrace agent (blocking=true, so lint's JFR file is written in the same run),
# drives it with wrk for 2 s, stops it, and writes strace.log.xz, recording.iotrace.xz and recording.jfr.xz
# into $1 (default: this folder).
# RECORD_JAVA_HOME picks the JDK that runs the server (default: JDK=17 below: the `java` on PATH;
# JDK=25: the first /usr/lib/jvm/*-25* found).
set -euo pipefail
MAIN=corpus.undertow.UndertowHello
JDK=17
LOAD=(wrk -t2 -c16 -d2s)

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=${1:-$here}
if [ -z "${RECORD_JAVA_HOME:-}" ] && [ "$JDK" != 17 ]; then
  for d in /usr/lib/jvm/temurin-"$JDK"* /usr/lib/jvm/*-"$JDK"-*; do
    [ -x "$d/bin/java" ] && { RECORD_JAVA_HOME=$d; break; }
  done
  [ -n "${RECORD_JAVA_HOME:-}" ] || { echo "needs a JDK $JDK: set RECORD_JAVA_HOME to its home" >&2; exit 1; }
fi
java=${RECORD_JAVA_HOME:+$RECORD_JAVA_HOME/bin/}java

need() { command -v "$1" >/dev/null 2>&1 || { echo "needs $1: $2" >&2; exit 1; }; }
need strace "apt-get install strace"
need wrk "apt-get install wrk"
need curl "apt-get install curl"
need xz "apt-get install xz-utils"
need mvn "apt-get install maven"
need "$java" "a JDK 17+ (or set RECORD_JAVA_HOME)"
agent="$root/cli/target/iotrace-agent.jar"
[ -f "$agent" ] || { echo "needs the iotrace agent: run 'mvn -B -q -DskipTests package' in the repository root" >&2; exit 1; }

(cd "$here" && mvn -B -q package)
mkdir -p "$out"
out=$(cd "$out" && pwd)

port=
for _ in $(seq 100); do
  p=$((20000 + RANDOM % 30000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "no free port found" >&2; exit 1; }

tmp=$(mktemp -d)
spid=
jpid=
cleanup() {
  [ -n "$jpid" ] && kill -TERM "$jpid" 2>/dev/null || true
  [ -n "$spid" ] && { sleep 1; kill -TERM "$spid" 2>/dev/null || true; wait "$spid" 2>/dev/null || true; }
  rm -rf "$tmp"
}
trap cleanup EXIT

strace -f -ttt -T -yy -o "$tmp/strace.log" \
  "$java" "-javaagent:$agent=dir=$tmp,blocking=true" -cp "$here/target/classes:$here/target/lib/*" "$MAIN" "$port" \
  >"$tmp/server.out" 2>&1 &
spid=$!

for _ in $(seq 240); do
  [ -z "$jpid" ] && jpid=$(cat "/proc/$spid/task/$spid/children" 2>/dev/null | awk '{print $1}') || true
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  kill -0 "$spid" 2>/dev/null || { cat "$tmp/server.out" >&2; echo "the server exited before answering" >&2; exit 1; }
  sleep 0.25
done
curl -sf "http://127.0.0.1:$port/" >/dev/null || { cat "$tmp/server.out" >&2; echo "the server does not answer on $port" >&2; exit 1; }

"${LOAD[@]}" "http://127.0.0.1:$port/" >"$tmp/load.out"
cat "$tmp/load.out"

kill -TERM "$jpid"
wait "$spid" || true
jpid=
spid=

rec=$(ls "$tmp"/iotrace-*.iotrace | head -1)
xz -9 -c "$tmp/strace.log" >"$out/strace.log.xz"
xz -9 -c "$rec" >"$out/recording.iotrace.xz"
xz -9 -c "${rec%.iotrace}.jfr" >"$out/recording.jfr.xz"
ls -l "$out"/*.xz
