#!/usr/bin/env bash
# Schemathesis against a live `make run`: every operation, every check. Usage: make fuzz
set -euo pipefail
cd "$(dirname "$0")/.."
port=${NEWSFACTS_PORT:-8000}
base="http://127.0.0.1:$port"
# In a session of its own, so that stopping it stops its workers and nothing else.
NEWSFACTS_PORT=$port setsid make --no-print-directory run >/tmp/newsfacts-fuzz-server.log 2>&1 &
server=$!
trap 'kill -- "-$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "$base/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$base/readyz" >/dev/null || { echo "fuzz: server not ready"; tail -20 /tmp/newsfacts-fuzz-server.log; exit 1; }
.venv/bin/schemathesis run "$base/openapi.json" --checks all --max-examples "${FUZZ_EXAMPLES:-50}" "$@"
