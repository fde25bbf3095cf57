#!/usr/bin/env bash
# End-to-end check of the scale-out setup on loopback: a throwaway PostgreSQL
# cluster, two app instances started together on its empty database, and
# nginx in front (deploy/nginx.conf). Checks that a write through one
# instance is seen at once through the other and through nginx, that a
# session made on one instance works on the other, and that an instance
# answers 503 while the database is down and recovers by itself.
# Stops everything it started. Needs: nginx, PostgreSQL (installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

# Below the ephemeral range (32768-60999), where no client socket lands.
port_a=28181 port_b=28182 port_nginx=28180 port_pg=28341
work=$(mktemp -d /tmp/rt-smoke.XXXXXX)
chmod 755 "$work"
pids=()
passed=0 failed=0

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx/nginx.pid" ] && nginx -c "$work/nginx/nginx.conf" -p "$work/nginx/" -s stop 2>/dev/null || true
  .ci/postgres.sh stop "$work/pg" || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

check() { # name, then a command that must succeed
  local name=$1; shift
  if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}

wait_for() { # url, seconds
  for _ in $(seq 1 "$(($2 * 5))"); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

command -v nginx >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }
cargo build --release --quiet
bin=target/release/referendum-tracker

server=$(.ci/postgres.sh start "$work/pg" "$port_pg")
psql "$server" -q -c "create database tracker"
export DATABASE_URL="${server%/*}/tracker"
export TRUST_FORWARDED_FOR=1 DB_ACQUIRE_TIMEOUT_SECS=2 RUST_LOG=warn

# Both instances start at the same moment on the empty database.
"$bin" --bind "127.0.0.1:$port_a" > "$work/a.log" 2>&1 & pids+=($!)
"$bin" --bind "127.0.0.1:$port_b" > "$work/b.log" 2>&1 & pids+=($!)
a="http://127.0.0.1:$port_a" b="http://127.0.0.1:$port_b" n="http://127.0.0.1:$port_nginx"
check "instance A is ready" wait_for "$a/healthz" 60
check "instance B is ready" wait_for "$b/healthz" 60
count=$(psql "$DATABASE_URL" -tA -c "select count(*) from amendments")
events=$(psql "$DATABASE_URL" -tA -c "select count(*) from status_events")
check "seeded once: 33 amendments, 234 status events (got $count, $events)" test "$count:$events" = "33:234"

mkdir -p "$work/nginx/tmp" "$work/nginx/cache"
chmod -R 777 "$work/nginx"
sed -e "s/127.0.0.1:3001/127.0.0.1:$port_a/; s/127.0.0.1:3002/127.0.0.1:$port_b/; s/127.0.0.1:8080/127.0.0.1:$port_nginx/" \
  deploy/nginx.conf > "$work/nginx/nginx.conf"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx/"
check "nginx is ready" wait_for "$n/healthz" 10

for base in "$a" "$b" "$n"; do
  listed=$(curl -fsS "$base/en/amendments" | grep -o 'class="article-no"' | wc -l)
  check "33 amendments listed through $base" test "$listed" = 33
done

printf '%s\n' "smoke test password" | "$bin" user add smoke --role editor --password-stdin >/dev/null
jar="$work/cookies"
curl -fsS -o /dev/null -c "$jar" -d "username=smoke&password=smoke+test+password&next=/en/admin/" "$a/en/admin/login"
page=$(curl -fsS -b "$jar" "$a/en/admin/amendments/42")
csrf=$(grep -o 'name="csrf_token" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
version=$(grep -o 'name="version" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
corrects=$(grep -o 'name="corrects" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
note="Smoke test change $(date +%s%N)"
# Since 1 July 2026 every amendment is superseded, a final status: the write
# is a correction of that latest entry, which any instance must then show.
status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" \
  --data-urlencode "csrf_token=$csrf" --data-urlencode "version=$version" --data-urlencode "corrects=$corrects" \
  --data-urlencode "status=superseded" --data-urlencode "effective_date=2026-07-01" --data-urlencode "note=$note" \
  --data-urlencode "source_url=https://example.org/smoke" "$a/en/admin/amendments/42/correction")
check "a correction through A is accepted (303, got $status)" test "$status" = 303
for base in "$b" "$n"; do
  check "the change is visible at once through $base" grep -q "$note" <(curl -fsS "$base/en/amendments/42")
done
session=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" "$b/en/admin/")
check "the session made on A is valid on B (200, got $session)" test "$session" = 200
cached=$(curl -sS -o /dev/null -D - "$n/assets/style.css" | tr -d '\r' >/dev/null; curl -sS -D - -o /dev/null "$n/assets/style.css" | tr -d '\r' | grep -i '^x-cache-status' | awk '{print $2}')
check "nginx serves the stylesheet from its cache (HIT, got $cached)" test "$cached" = HIT

# The database goes away under the running instances, then comes back.
.ci/postgres.sh stop "$work/pg"
down=$(curl -sS -o "$work/down.html" -w '%{http_code}' --max-time 15 "$a/en/amendments")
check "with the database down, A answers 503 (got $down)" test "$down" = 503
check "the 503 page says so" grep -q "Temporarily unavailable" "$work/down.html"
.ci/postgres.sh start "$work/pg" "$port_pg" >/dev/null
check "A recovers by itself when the database is back" wait_for "$a/en/amendments" 30
check "B recovers too" wait_for "$b/en/amendments" 30

echo "smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
