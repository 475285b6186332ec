# The common work of every corpus/jvm/*/record.sh (sourced, not run): build the program's launcher (its pom.xml),
# run it on a free port of 127.0.0.1 under strace and the iotrace agent (blocking=true, so lint's Flight Recorder
# file is written in the same run), wait until it answers, drive it with its load, stop it with SIGTERM (its shutdown
# hooks close the recording and the Flight Recorder file) and write strace.log.xz, recording.iotrace.xz and
# recording.jfr.xz into OUTDIR (default: the program's folder).
#
# A record.sh sources this file, sets what differs and calls record_server:
#   source "$(dirname "$0")/../record-server.sh"
#   MAIN=corpus.jetty.JettyHello      # the launcher's main class; it gets the port as its only argument (required)
#   JDK=17                            # 17: RECORD_JAVA_HOME, JAVA_HOME or the `java` on PATH;
#                                     # 25: RECORD_JAVA_HOME, JAVA25_HOME, IOTRACE_TEST_JDK25 or /usr/lib/jvm/*-25*
#   PROJECT=$HERE                     # the folder of the launcher's pom.xml (another program's, to share it)
#   JVM_FLAGS=()                      # extra flags of the traced JVM
#   STRACE_FLAGS=("${STRACE_ALL[@]}") # or ("${STRACE_IO[@]}"): only the I/O, network, process and futex calls
#   READY=ready_http                  # or ready_listening: how to know the server is up
#   NEEDS=(wrk)                       # commands the load needs
#   load() { wrk -t2 -c16 -d2s "http://127.0.0.1:$PORT/"; }   # the load; may use PORT, JAVA, CLASS_PATH
#   record_server "$@"
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# every system call, each thread and child followed, with times, durations and decoded descriptors
STRACE_ALL=(-f -ttt -T -yy)
# the same, limited to descriptor, network, process and futex calls (seccomp-bpf filtered: less slowdown)
STRACE_IO=(-f --seccomp-bpf -q -e trace=%desc,%network,%process,futex -ttt -T -yy)

MAIN=
JDK=17
PROJECT=$HERE
JVM_FLAGS=()
STRACE_FLAGS=("${STRACE_ALL[@]}")
READY=ready_http
NEEDS=(wrk)
load() { wrk -t2 -c16 -d2s "http://127.0.0.1:$PORT/"; }

fail() { echo "$(basename "$HERE"): $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "needs $1: $2"; }

# the home of the JDK that runs the server (empty: the `java` on PATH)
java_home() {
  if [ -n "${RECORD_JAVA_HOME:-}" ]; then echo "$RECORD_JAVA_HOME"; return; fi
  if [ "$JDK" = 17 ]; then echo "${JAVA_HOME:-}"; return; fi
  local d named=()
  [ "$JDK" != 25 ] || named=("${JAVA25_HOME:-}" "${IOTRACE_TEST_JDK25:-}")   # as the repository's tests name it
  for d in ${named[@]+"${named[@]}"} /usr/lib/jvm/temurin-"$JDK"* /usr/lib/jvm/*-"$JDK"-*; do
    [ -n "$d" ] && [ -x "$d/bin/java" ] && { echo "$d"; return; }
  done
  fail "needs a JDK $JDK: set RECORD_JAVA_HOME to its home (e.g. apt-get install temurin-$JDK-jdk)"
}

# builds the launcher (once, and again when its pom.xml or sources change); sets CLASS_PATH: its classes and
# dependencies, from the target/classpath.txt its pom writes or else the jars it copies to target/lib
build() {
  local stamp=$PROJECT/target/record.stamp inputs=("$PROJECT/pom.xml")
  [ ! -d "$PROJECT/src" ] || inputs+=("$PROJECT/src")   # a pom may build another program's sources
  if [ ! -f "$stamp" ] || [ -n "$(find "${inputs[@]}" -newer "$stamp")" ]; then
    (cd "$PROJECT" && JAVA_HOME="$JAVA_HOME_USED" mvn -B -q -DskipTests package)
    touch "$stamp"
  fi
  if [ -f "$PROJECT/target/classpath.txt" ]; then
    CLASS_PATH="$PROJECT/target/classes:$(cat "$PROJECT/target/classpath.txt")"
  else
    CLASS_PATH="$PROJECT/target/classes:$PROJECT/target/lib/*"
  fi
}

free_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  fail "no free port found"
}

java_pid() { cat "/proc/$STRACE_PID/task/$STRACE_PID/children" 2>/dev/null | awk '{print $1}'; }

# ready_http: until GET / answers (this request is in the recording); ready_listening: until the launcher
# prints its "listening on ..." line
ready_http() {
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" || return 1
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/" || fail "the server does not answer GET / on $PORT"
}
ready_listening() { grep -q '^listening' "$WORK/server.out"; }

cleanup() {
  if [ -n "${STRACE_PID:-}" ] && kill -0 "$STRACE_PID" 2>/dev/null; then
    local p
    for p in $(java_pid); do kill -TERM "$p" 2>/dev/null || true; done
    for _ in $(seq 100); do kill -0 "$STRACE_PID" 2>/dev/null || break; sleep 0.2; done
    for p in $(java_pid); do kill -KILL "$p" 2>/dev/null || true; done
    kill -KILL "$STRACE_PID" 2>/dev/null || true
  fi
  rm -rf "${WORK:-}"
}

record_server() {
  [ -n "$MAIN" ] || fail "MAIN (the launcher's main class) is not set"
  local out=${1:-$HERE} agent=$ROOT/cli/target/iotrace-agent.jar pid n
  need strace "apt-get install strace"
  need xz "apt-get install xz-utils"
  need mvn "apt-get install maven"
  [ "$READY" != ready_http ] || need curl "apt-get install curl"
  for n in ${NEEDS[@]+"${NEEDS[@]}"}; do need "$n" "apt-get install $n"; done
  JAVA_HOME_USED=$(java_home)
  JAVA=${JAVA_HOME_USED:+$JAVA_HOME_USED/bin/}java
  "$JAVA" -version >/dev/null 2>&1 || fail "needs a JDK $JDK (or set RECORD_JAVA_HOME)"
  [ -f "$agent" ] || fail "needs the iotrace agent: run 'mvn -B -q -DskipTests package' in the repository root"

  build
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
  PORT=$(free_port)
  WORK=$(mktemp -d)
  STRACE_PID=
  trap cleanup EXIT

  strace "${STRACE_FLAGS[@]}" -o "$WORK/strace.log" -- \
    "$JAVA" "-javaagent:$agent=dir=$WORK,blocking=true" ${JVM_FLAGS[@]+"${JVM_FLAGS[@]}"} -cp "$CLASS_PATH" "$MAIN" "$PORT" \
    >"$WORK/server.out" 2>&1 &
  STRACE_PID=$!
  for ((n = 0; ; n++)); do
    "$READY" && break
    kill -0 "$STRACE_PID" 2>/dev/null || { cat "$WORK/server.out" >&2; fail "the server exited before it was ready"; }
    [ "$n" -lt 600 ] || { cat "$WORK/server.out" >&2; fail "the server is not ready on $PORT after 60 s"; }
    sleep 0.1
  done

  load

  pid=$(java_pid)
  [ -n "$pid" ] || fail "no JVM under strace"
  kill -TERM "$pid"
  for _ in $(seq 150); do kill -0 "$STRACE_PID" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$STRACE_PID" 2>/dev/null && fail "the server did not stop"
  wait "$STRACE_PID" || true
  STRACE_PID=

  "$HERE/../../scrub" "$WORK/strace.log" "$WORK/iotrace-$pid.iotrace" "$WORK/iotrace-$pid.jfr"
  xz -9 -c "$WORK/strace.log" >"$out/strace.log.xz"
  xz -9 -c "$WORK/iotrace-$pid.iotrace" >"$out/recording.iotrace.xz"
  xz -9 -c "$WORK/iotrace-$pid.jfr" >"$out/recording.jfr.xz"
  ls -l "$out"/*.xz
}
