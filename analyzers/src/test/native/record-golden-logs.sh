#!/bin/sh
# Re-records the golden strace, perf trace and perf script logs the syscall tests read. Run from anywhere on Linux with
# strace, gcc, python3 and curl; perf trace and perf record need perf and the right to trace (root or
# perf_event_paranoid).
# The logs are real recordings; the tests assert what the programs are known to do, not exact figures, so a new
# recording must still pass.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/io/iotrace/analyzers/syscall"
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true' EXIT
mkdir -p "$out"
trace() { name=$1; shift; strace -f -ttt -T -yy -o "$work/$name.log" "$@"; }

for program in busy_nonblocking_read select_server sigio_reader uring_read; do
    gcc -O1 -o "$work/$program" "$here/$program.c"
done
head -c 20000 /dev/urandom > "$work/data.bin"

trace busy-nonblocking-read "$work/busy_nonblocking_read"
trace select-server "$work/select_server"
trace sigio "$work/sigio_reader"
trace io-uring "$work/uring_read" "$work/data.bin"
trace dd dd if="$work/data.bin" of="$work/copy.bin" bs=4096 status=none

# Python's http.server: a thread per request; three curl requests, then SIGTERM.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work" && exec strace -f -ttt -T -yy -o "$work/python-http-server.log" \
    python3 -m http.server --bind 127.0.0.1 "$port") >/dev/null 2>&1 &
server=$!
for i in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.3; done
curl -s -o /dev/null "http://127.0.0.1:$port/data.bin"
curl -s -o /dev/null "http://127.0.0.1:$port/data.bin"
# SIGTERM to strace would only detach it; stop the server itself, strace then ends with it.
kill "$(pgrep -P "$server")"; wait "$server" 2>/dev/null || true; server=

# The same with -z: strace prints each call when it returns (and only if it succeeded), so the lines are in
# order of completion, not of start, across threads.
(cd "$work" && exec strace -f -z -ttt -T -yy -o "$work/python-http-server.completion-order.log" \
    python3 -m http.server --bind 127.0.0.1 "$port") >/dev/null 2>&1 &
server=$!
for i in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.3; done
curl -s -o /dev/null "http://127.0.0.1:$port/data.bin"
curl -s -o /dev/null "http://127.0.0.1:$port/data.bin"
kill "$(pgrep -P "$server")"; wait "$server" 2>/dev/null || true; server=

# perf script of tracepoints, stamped with CLOCK_MONOTONIC (the clock of System.nanoTime). Needs perf and the
# right to record tracepoints (root, or kernel.perf_event_paranoid <= -1).
perf_script() {
    name=$1; events=$2; shift 2
    perf record -q -e "$events" -k CLOCK_MONOTONIC -o "$work/$name.data" -- "$@" >/dev/null &&
        perf script -i "$work/$name.data" > "$work/$name.log"
}
if command -v perf >/dev/null; then
    perf_script busy-nonblocking-read.perf-script-raw 'raw_syscalls:sys_enter,raw_syscalls:sys_exit' \
        "$work/busy_nonblocking_read"
    named=
    for call in socket connect accept accept4 read write pselect6 close clone clone3 exit_group; do
        named="$named${named:+,}syscalls:sys_enter_$call,syscalls:sys_exit_$call"
    done
    perf_script select-server.perf-script "$named" "$work/select_server"
    uring='io_uring:*'
    for call in io_uring_setup io_uring_enter; do
        uring="$uring,syscalls:sys_enter_$call,syscalls:sys_exit_$call"
    done
    perf_script io-uring.perf-script "$uring" "$work/uring_read" "$work/data.bin"
fi

# Keep only the part after the interpreter or program loaded its libraries: the I/O is what the tests are about.
for log in "$work"/*.log; do
    name=$(basename "$log")
    # No paths of the recording machine in checked-in files.
    sed -e "s#$work#/tmp/golden#g" -e "s#$here#/src/test/native#g" -e "s#$HOME#/home/user#g" "$log" > "$out/$name"
done
python3 - "$out/python-http-server.log" "$out/python-http-server.completion-order.log" <<'PY'
import sys
for path in sys.argv[1:]:
    lines = open(path).read().splitlines(keepends=True)
    start = next(i for i, l in enumerate(lines) if 'bind(' in l)
    open(path, 'w').writelines(lines[:1] + lines[max(1, start - 5):])
PY
# The busy reader's raw syscalls from its socketpair (NR 53) on: the loader's calls before it say nothing.
raw="$out/busy-nonblocking-read.perf-script-raw.log"
if [ -f "$raw" ]; then
    awk '/sys_enter: NR 53 / {on = 1} on' "$raw" > "$work/raw.trimmed" && cp "$work/raw.trimmed" "$raw"
fi

if command -v perf >/dev/null && perf trace -o "$work/perf.log" -- "$work/busy_nonblocking_read" 2>/dev/null; then
    grep -E 'busy_nonblocki' "$work/perf.log" | tail -n 400 > "$out/busy-nonblocking-read.perf-trace.log"
fi
ls -l "$out"
