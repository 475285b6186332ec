#!/bin/sh
# Writes the list of ByteBuddy classes that a first attach loads before its first hook goes live, in the order it
# loads them, which the agent preloads on a thread of its own (HookTransformer). Run it after a ByteBuddy upgrade
# or a change to the hook table. It builds the project twice: first with an empty list, so that what it measures
# is what the agent needs and not what an older list preloaded, then with the new list.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
list="$root/agent/src/main/resources/io/iotrace/agent/first-hook-classes.txt"
fixtures="$root/cli/target/iotrace-fixtures.jar"
work=$(mktemp -d)
server=
driver=
trap 'kill $driver $server 2>/dev/null || true; rm -rf "$work"' EXIT
: >"$list"
(cd "$root" && mvn -q -DskipTests package)

java "-Xlog:class+load:file=$work/classes.log" -cp "$fixtures" io.iotrace.fixtures.BlockingEchoServer \
  >"$work/server.out" 2>"$work/server.err" </dev/zero &
server=$!
i=0
until grep -q LISTENING "$work/server.out" 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 100 ] || { echo "the echo server did not start" >&2; exit 1; }; sleep 0.1
done
port=$(sed -n 's/^LISTENING //p' "$work/server.out")
java -cp "$fixtures" io.iotrace.fixtures.LoadDriver --host 127.0.0.1 --port "$port" --connections 2 \
  --round-trips 100000 --size 64 --pause-ms 1 --timeout-seconds 60 >/dev/null &
driver=$!
sleep 1
"$root/iotrace" attach "$server" --duration 1s >/dev/null 2>"$work/attach.err"
# From the agent's first class to the first JDK class it instruments: the shaded ByteBuddy classes read from the
# agent jar, in order (not the proxies and dispatchers it generates, which no jar holds).
unzip -Z1 "$root/cli/target/iotrace-agent.jar" | sed -n 's/\.class$//p' | tr / . >"$work/in-jar"
awk '/io\.iotrace\.agent\.IoTraceAgent / { started = 1 }
     started && /source: __VM_RedefineClasses__/ { exit }
     started && / io\.iotrace\.agent\.shaded\..* source: (file|jar):/ {
       for (i = 1; i <= NF; i++) if ($i ~ /^io\.iotrace\.agent\.shaded\./) { print $i; break } }' \
  "$work/classes.log" | grep -Fxf "$work/in-jar" >"$list"
(cd "$root" && mvn -q -DskipTests package)
echo "$(wc -l <"$list") classes written to $list, and the agent built with them"
