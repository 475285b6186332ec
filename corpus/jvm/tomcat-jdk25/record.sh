#!/usr/bin/env bash
# Re-records the tomcat corpus server (../tomcat: same launcher, same load) with JDK 25 running the server
# (RECORD_JAVA_HOME, default the first /usr/lib/jvm/*-25* found), into $1 (default: this folder).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${RECORD_JAVA_HOME:-}" ]; then
  for d in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-*; do
    [ -x "$d/bin/java" ] && { RECORD_JAVA_HOME=$d; break; }
  done
  [ -n "${RECORD_JAVA_HOME:-}" ] || { echo "needs a JDK 25: set RECORD_JAVA_HOME to its home" >&2; exit 1; }
fi
export RECORD_JAVA_HOME
exec "$here/../tomcat/record.sh" "${1:-$here}"
