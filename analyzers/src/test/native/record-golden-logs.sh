#!/bin/sh
# Re-records the golden strace and perf trace logs the syscall tests read. Run from anywhere on Linux with
# strace, gcc, python3 and curl; perf trace needs perf and the right to trace (root or perf_event_paranoid).
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
for i in 1 2 3 4 5 6 7 8 9 10; do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.3; done
curl -s -o /dev/null "http://127.0.0.1:$port/data.bin"
curl -s -o /dev/null "http://127.0.0.1:$port/data.bin"
# SIGTERM to strace would only detach it; stop the server itself, strace then ends with it.
kill "$(pgrep -P "$server")"; wait "$server" 2>/dev/null || true; server=

# Keep only the part after the interpreter or program loaded its libraries: the I/O is what the tests are about.
for log in "$work"/*.log; do
    name=$(basename "$log")
    # No paths of the recording machine in checked-in files.
    sed -e "s#$work#/tmp/golden#g" -e "s#$here#/src/test/native#g" -e "s#$HOME#/home/user#g" "$log" > "$out/$name"
done
python3 - "$out/python-http-server.log" <<'PY'
import sys
path = sys.argv[1]
lines = open(path).read().splitlines(keepends=True)
start = next(i for i, l in enumerate(lines) if 'bind(' in l)
open(path, 'w').writelines(lines[:1] + lines[max(1, start - 5):])
PY

if command -v perf >/dev/null && perf trace -o "$work/perf.log" -- "$work/busy_nonblocking_read" 2>/dev/null; then
    grep -E 'busy_nonblocki' "$work/perf.log" | tail -n 400 > "$out/busy-nonblocking-read.perf-trace.log"
fi
ls -l "$out"
