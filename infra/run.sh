#!/usr/bin/env bash
# Runs the whole Hotline Ops system on this machine: builds what is needed, then starts embedded PostgreSQL and
# Redis (or the external ones named by HOTLINE_DB_HOST / HOTLINE_REDIS_URL), the backend, mobile-api,
# dashboard-ui, the demo organisation and simulated traffic. Ctrl-C stops everything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
version="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ "${version%%.*}" -lt 25 ] 2>/dev/null || [ -z "$version" ]; then
  echo "Hotline Ops needs JDK 25: set JAVA_HOME to a JDK 25 (found: ${version:-none} at $java_bin)" >&2
  exit 1
fi
export JAVA_HOME="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')"

if [ "${HOTLINE_SKIP_BUILD:-false}" != "true" ]; then
  echo "Building (./mvnw install -DskipTests)…"
  ./mvnw -q -B install -DskipTests
fi
exec "$java_bin" -jar infra/local/target/local-0.1.0-SNAPSHOT-exec.jar "$root"
