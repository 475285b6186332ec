# Shared helpers for corpus/native/*/record.sh (sourced, not run).
# Each record.sh: source "$(dirname "$0")/../_lib.sh"; rec_init "$@"; ...; rec_finish
set -euo pipefail

PY=/usr/bin/python3   # Debian's python3 (not a pyenv/venv one that may shadow it on PATH)

die() { echo "$(basename "$REC_DIR"): $*" >&2; exit 1; }

# need CMD "apt-get install PKG"
need() {
  case "$1" in
    */*) [ -x "$1" ] && [ -f "$1" ] ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac || die "needs $1: $2"
}

# rec_init [OUTDIR]  -> REC_DIR (this program's folder), OUT, TMP, LOG (raw strace log in TMP)
rec_init() {
  REC_DIR=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
  OUT=${1:-$REC_DIR}
  mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
  need strace "apt-get install strace"
  need xz "apt-get install xz-utils"
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/iotrace-native.XXXXXX")
  LOG=$TMP/strace.log
  STRACE_PID=""
  trap rec_cleanup EXIT
}

# a free TCP port on 127.0.0.1
free_port() {
  if [ -x "$PY" ]; then
    "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
  else
    echo $(( 20000 + RANDOM % 20000 ))
  fi
}

# wait_port PORT [SECONDS]: until something accepts on 127.0.0.1:PORT
wait_port() {
  local i n=$(( ${2:-10} * 10 ))
  for ((i = 0; i < n; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "nothing listens on 127.0.0.1:$1"
}

# strace_start CMD...: run CMD under strace -f in the background (STRACE_PID; the tracee is its child)
strace_start() {
  strace -f -ttt -T -yy -o "$LOG" "$@" >"$TMP/program.out" 2>&1 &
  STRACE_PID=$!
}

# the pid strace started (its direct child)
tracee_pid() {
  local i p
  for ((i = 0; i < 50; i++)); do
    p=$(ps -o pid= --ppid "$STRACE_PID" | head -n1 | tr -d ' ' || true)
    [ -n "$p" ] && { echo "$p"; return 0; }
    sleep 0.1
  done
  die "strace started no process"
}

# strace_stop [SIGNAL]: signal the traced program, wait for strace to write its log and exit
strace_stop() {
  local sig=${1:-TERM} p i
  [ -n "$STRACE_PID" ] || return 0
  p=$(ps -o pid= --ppid "$STRACE_PID" | head -n1 | tr -d ' ' || true)
  [ -n "$p" ] && kill "-$sig" "$p" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$STRACE_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$STRACE_PID" 2>/dev/null; then
    [ -n "$p" ] && kill -KILL "$p" 2>/dev/null || true
    sleep 0.5
    kill -TERM "$STRACE_PID" 2>/dev/null || true
  fi
  wait "$STRACE_PID" 2>/dev/null || true
  STRACE_PID=""
}

rec_cleanup() {
  local rc=$?
  set +e
  strace_stop KILL
  [ -n "${TMP:-}" ] && rm -rf "$TMP"
  exit $rc
}

# rec_finish: compress the log into OUT and copy expected.properties along when OUT is elsewhere
rec_finish() {
  [ -s "$LOG" ] || die "empty strace log"
  "$REC_DIR/../../scrub" "$LOG"
  xz -9 -c "$LOG" > "$OUT/strace.log.xz"
  if [ "$OUT" != "$REC_DIR" ]; then
    cp "$REC_DIR/expected.properties" "$OUT/" 2>/dev/null || true
  fi
  echo "$(basename "$REC_DIR"): $(wc -l < "$LOG") strace lines, $(stat -c %s "$OUT/strace.log.xz") bytes xz -> $OUT/strace.log.xz"
}

# wrk_capped PER_THREAD_REQUESTS wrk-args...: wrk whose threads stop after N responses each
wrk_capped() {
  local n=$1; shift
  cat > "$TMP/cap.lua" <<LUA
local n = 0
function response(status, headers, body)
  n = n + 1
  if n >= $n then wrk.thread:stop() end
end
LUA
  wrk -s "$TMP/cap.lua" "$@"
}

# fio_record ENGINE: 4k random O_DIRECT reads of an 8 MiB temp file for 2 s at 400 IOPS with that I/O engine, traced
# from fio's start (the fio-* programs differ only in the engine).
fio_record() {
  need fio "apt-get install fio"
  # lay the file out before tracing, so the log holds the reads only
  dd if=/dev/urandom of="$TMP/fio.dat" bs=1M count=8 status=none
  sync
  strace -f -ttt -T -yy -o "$LOG" fio --name=randread --ioengine="$1" --filename="$TMP/fio.dat" --size=8m \
    --bs=4k --rw=randread --direct=1 --iodepth=8 --runtime=2 --time_based --rate_iops=400 --eta=never \
    --output="$TMP/fio.out" >&2
  grep -E 'read: IOPS|err=' "$TMP/fio.out" >&2 || true
}
