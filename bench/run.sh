#!/usr/bin/env bash
# Benchmark referendum-tracker against the physical limit: nginx sending the
# same bytes from disk, measured with wrk in the same run (issue 10).
#
#   bench/run.sh                       # build, measure, print + write target/bench/latest.md
#   BENCH_SECONDS=10 bench/run.sh      # longer runs
#   BENCH_SKIP_BUILD=1 TRACKER_BIN=/path/to/referendum-tracker bench/run.sh
#
# Needs: cargo (unless BENCH_SKIP_BUILD=1), wrk, nginx, curl, python3
# (standard library only), GNU coreutils' timeout. Everything listens on
# 127.0.0.1 only, every step is bounded by `timeout`, and everything started
# here is stopped on exit, even on error or Ctrl-C.
#
# Progress goes to stderr; the Markdown report goes to stdout and to
# target/bench/latest.md.
set -euo pipefail
umask 022

started_at=$(date +%s)
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"

# ---------------------------------------------------------------- parameters
SECONDS_PER_RUN=${BENCH_SECONDS:-5}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-1}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
# Below the kernel's ephemeral range (32768-60999 on Linux), so that no
# client connection's local port can hold one of them.
PORT_BASE=${BENCH_PORT_BASE:-28400}
SYNTH_SEED=${BENCH_SYNTH_SEED:-1}
BIN=${TRACKER_BIN:-$ROOT/target/release/referendum-tracker}
REPORT=$ROOT/target/bench/latest.md
# A safety net: if this script is killed with SIGKILL (no trap runs), the
# servers it started still end after this many seconds.
SERVER_MAX_SECONDS=${BENCH_SERVER_MAX_SECONDS:-1200}

PORT_NGINX=$PORT_BASE
PORT_APP=$((PORT_BASE + 1))
PORT_COLD=$((PORT_BASE + 2))
PORT_WRITE=$((PORT_BASE + 3))
PORT_SYNTH=$((PORT_BASE + 4))

# name|path|file nginx serves. The file's extension gives nginx its type.
PAGES=(
  "overview|/en/|overview.html"
  "amendments|/en/amendments|amendments.html"
  "amendment-15|/en/amendments/15|amendment-15.html"
  "announcement|/en/announcements/2022-04-29-assembly-of-the-people|announcement.html"
  "feed|/en/feed.atom|feed.xml"
  "api-amendments|/api/v1/amendments|api-amendments.json"
)
WRITE_PAGE=/en/amendments/15
WRITE_ARTICLE=42
WRITER_USER=bench
WRITER_PASSWORD='bench password for load tests'

# The app reads its settings from the environment too; a stray PAGE_CACHE_MIB
# or RATE_LIMIT_PER_MINUTE would silently change what is measured.
unset DATABASE_URL BIND_ADDR DEFAULT_LANG PUBLIC_URL SESSION_IDLE_MINUTES DB_MAX_CONNECTIONS \
  DB_ACQUIRE_TIMEOUT_SECS TRUST_FORWARDED_FOR RATE_LIMIT_PER_MINUTE REQUEST_TIMEOUT_SECS \
  MAX_CONCURRENT_REQUESTS PAGE_CACHE_MIB SERVER_TIMING RUST_LOG

log() { printf '[bench %4ss] %s\n' "$(($(date +%s) - started_at))" "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------ prerequisites
check_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  # nginx lives in /usr/sbin, which a non-root PATH may lack.
  NGINX=$(command -v nginx || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true)
  [[ -n $NGINX ]] || missing+=(nginx)
  if ((${#missing[@]})); then
    die "${missing[*]} not found: install with 'apt-get install wrk nginx'"
  fi
  local tool
  for tool in curl python3 timeout; do
    command -v "$tool" >/dev/null || die "$tool not found"
  done
  [[ $SECONDS_PER_RUN =~ ^[1-9][0-9]*$ ]] || die "BENCH_SECONDS must be a whole number of seconds ≥ 1"
  [[ $WARMUP_SECONDS =~ ^[1-9][0-9]*$ ]] || die "BENCH_WARMUP_SECONDS must be a whole number ≥ 1 (wrk's smallest duration)"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports() {
  local port
  for port in "$PORT_NGINX" "$PORT_APP" "$PORT_COLD" "$PORT_WRITE" "$PORT_SYNTH"; do
    ! port_in_use "$port" || die "port $port on 127.0.0.1 is in use; pick others with BENCH_PORT_BASE"
  done
}

build() {
  if [[ ${BENCH_SKIP_BUILD:-0} == 1 ]]; then
    log "build skipped (BENCH_SKIP_BUILD=1)"
  else
    command -v cargo >/dev/null || die "cargo not found (or set BENCH_SKIP_BUILD=1 and TRACKER_BIN)"
    log "cargo build --release"
    timeout "${BENCH_BUILD_TIMEOUT:-3600}" cargo build --release >&2
  fi
  [[ -x $BIN ]] || die "no executable at $BIN"
}

# ------------------------------------------------------ processes & cleanup
# Every long-running process is started under `timeout` (the safety net
# above); we keep the wrapper's pid. `timeout` passes SIGTERM on to it.
SERVERS=()
TMP=""

cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  for pid in ${SERVERS[@]+"${SERVERS[@]}"}; do
    stop_process "$pid"
  done
  if [[ -n $TMP && -d $TMP ]]; then
    if [[ ${BENCH_KEEP_TMP:-0} == 1 || $rc -ne 0 ]]; then
      log "logs and databases kept in $TMP"
    else
      rm -rf "$TMP"
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The pid of the (single) child of a `timeout` wrapper: the real server,
# whose /proc/PID/status holds its peak RSS.
child_of() {
  local parent=$1 i kids
  for ((i = 0; i < 200; i++)); do
    kids=$(cat "/proc/$parent/task/$parent/children" 2>/dev/null || true)
    if [[ -n ${kids// /} ]]; then
      echo "${kids%% *}"
      return 0
    fi
    kill -0 "$parent" 2>/dev/null || return 1
    sleep 0.01
  done
  return 1
}

# Stops one wrapper (and so its server): TERM, up to 10 s, then KILL.
stop_process() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; forget "$pid"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  # timeout runs its command in its own process group: end the whole group.
  kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
  forget "$pid"
}

forget() {
  local keep=() p
  for p in ${SERVERS[@]+"${SERVERS[@]}"}; do [[ $p == "$1" ]] || keep+=("$p"); done
  SERVERS=(${keep[@]+"${keep[@]}"})
}

# -------------------------------------------------------------- the app
APP_WRAPPER=""
APP_PID=""

# start_app NAME PORT DB_FILE [extra flags…]: starts `serve`, waits for /healthz.
start_app() {
  local name=$1 port=$2 db=$3
  shift 3
  timeout -k 5 "$SERVER_MAX_SECONDS" "$BIN" --database-url "sqlite://$db" --bind "127.0.0.1:$port" \
    --rate-limit-per-minute 0 "$@" serve >"$TMP/logs/$name.log" 2>&1 &
  APP_WRAPPER=$!
  SERVERS+=("$APP_WRAPPER")
  APP_PID=$(child_of "$APP_WRAPPER") || { tail -n 20 "$TMP/logs/$name.log" >&2; die "$name did not start"; }
  wait_http "$name" "http://127.0.0.1:$port/healthz" "$APP_WRAPPER" 120
}

# wait_http NAME URL WRAPPER_PID MAX_SECONDS: polls until 200.
wait_http() {
  local name=$1 url=$2 pid=$3 max=$4 deadline code
  deadline=$(($(date +%s) + max))
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
    [[ $code == 200 ]] && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$TMP/logs/$name.log" >&2 || true
      die "$name exited before answering $url"
    fi
    (($(date +%s) < deadline)) || die "$name did not answer 200 on $url within $max s"
    sleep 0.05
  done
}

peak_rss_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }

# Saves each page's body as the app sends it (no Accept-Encoding: the bytes
# nginx will send) and checks it answers 200.
save_pages() {
  local port=$1 entry name path file code
  mkdir -p "$TMP/www"
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name path file <<<"$entry"
    code=$(curl -s --max-time 30 -o "$TMP/www/$file" -w '%{http_code}' "http://127.0.0.1:$port$path" || true)
    [[ $code == 200 ]] || die "GET $path answered $code, not 200"
    echo "size__$name=$(stat -c %s "$TMP/www/$file")" >>"$TMP/results/meta.env"
  done
  chmod -R a+rX "$TMP/www"
}

# Every page must answer 200 before we measure it (a 404 measured fast is
# no result at all).
check_pages() {
  local port=$1 entry name path file code
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name path file <<<"$entry"
    code=$(curl -s --max-time 60 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path" || true)
    [[ $code == 200 ]] || die "GET $path on port $port answered $code, not 200"
  done
}

# ---------------------------------------------------------------- nginx
start_nginx() {
  mkdir -p "$TMP/nginx-temp"
  cat >"$TMP/nginx.conf" <<EOF
# The reference: a tuned static file server sending the saved pages.
worker_processes auto;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $TMP/nginx-temp/client_body;
    proxy_temp_path $TMP/nginx-temp/proxy;
    fastcgi_temp_path $TMP/nginx-temp/fastcgi;
    uwsgi_temp_path $TMP/nginx-temp/uwsgi;
    scgi_temp_path $TMP/nginx-temp/scgi;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 75s;
    keepalive_requests 10000000;
    open_file_cache max=64 inactive=300s;
    open_file_cache_valid 300s;
    open_file_cache_errors on;
    types {
        text/html html;
        application/atom+xml xml;
        application/json json;
    }
    default_type application/octet-stream;
    charset utf-8;
    # text/html is in charset_types already.
    charset_types application/atom+xml application/json;
    server {
        # reuseport: the kernel spreads the connections over the workers
        # evenly, so one busy worker does not hold most of them.
        listen 127.0.0.1:$PORT_NGINX reuseport;
        root $TMP/www;
        location / { try_files \$uri =404; }
    }
}
EOF
  # -e: nginx ≥ 1.19.5 would otherwise first open /var/log/nginx/error.log.
  timeout 10 "$NGINX" -t -q -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -p "$TMP" >&2 \
    || die "nginx rejected $TMP/nginx.conf (see $TMP/nginx-error.log)"
  timeout -k 5 "$SERVER_MAX_SECONDS" "$NGINX" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -p "$TMP" \
    >"$TMP/logs/nginx.log" 2>&1 &
  NGINX_WRAPPER=$!
  SERVERS+=("$NGINX_WRAPPER")
  local entry name path file
  IFS='|' read -r name path file <<<"${PAGES[0]}"
  wait_http nginx "http://127.0.0.1:$PORT_NGINX/$file" "$NGINX_WRAPPER" 10
  # Same bytes, or the comparison means nothing.
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name path file <<<"$entry"
    curl -s --max-time 10 "http://127.0.0.1:$PORT_NGINX/$file" | cmp -s - "$TMP/www/$file" \
      || die "nginx does not send the saved bytes of $file"
  done
}

# ---------------------------------------------------------------- wrk
# measure SET NAME URL: a warm-up run, then the measured run, saved as
# results/SET__NAME.txt for bench/report.py.
measure() {
  local set=$1 name=$2 url=$3
  timeout $((WARMUP_SECONDS + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "$url" >/dev/null \
    || die "wrk (warm-up) failed on $url"
  timeout $((SECONDS_PER_RUN + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$url" \
    >"$TMP/results/${set}__${name}.txt" || die "wrk failed on $url"
  log "  $set $name: $(awk '/^Requests\/sec/ { print $2 }' "$TMP/results/${set}__${name}.txt") req/s"
}

# measure_pages SET BASE_URL: every page, at its path on the app.
measure_pages() {
  local set=$1 base=$2 entry name path file
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name path file <<<"$entry"
    measure "$set" "$name" "$base$path"
  done
}

meta() { printf '%s=%s\n' "$1" "$2" >>"$TMP/results/meta.env"; }

# ============================================================ the steps
step_seed_cached_vs_nginx() {
  log "seed data, page cache on: starting the app on a fresh database"
  start_app seed-cached "$PORT_APP" "$TMP/seed.db"
  save_pages "$PORT_APP"
  start_nginx
  local entry name path file
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name path file <<<"$entry"
    measure seed-cached "$name" "http://127.0.0.1:$PORT_APP$path"
    measure nginx "$name" "http://127.0.0.1:$PORT_NGINX/$file"
  done
  meta rss_seed_cached_kib "$(peak_rss_kib "$APP_PID")"
  stop_process "$APP_WRAPPER"
  # nginx's figures are kept; the server itself is no longer needed.
  stop_process "$NGINX_WRAPPER"
}

# An older binary has no page cache and no flag to turn it off.
has_page_cache() { timeout 10 "$BIN" --help 2>/dev/null | grep -q -- '--page-cache-mib'; }

step_seed_uncached() {
  if ! has_page_cache; then
    log "skipped: $BIN has no --page-cache-mib (no page cache to turn off)"
    meta uncached "skipped: this binary has no --page-cache-mib, so no page cache to turn off"
    return 0
  fi
  meta uncached ran
  log "seed data, page cache off (--page-cache-mib 0), same database"
  start_app seed-uncached "$PORT_APP" "$TMP/seed.db" --page-cache-mib 0
  check_pages "$PORT_APP"
  measure_pages seed-uncached "http://127.0.0.1:$PORT_APP"
  meta rss_seed_uncached_kib "$(peak_rss_kib "$APP_PID")"
  stop_process "$APP_WRAPPER"
}

# From launching the binary on an empty database (migrate + seed) to the
# first 200 on /en/, polled about every 10 ms.
step_cold_start() {
  log "cold start on an empty database"
  local t0 t1 code wrapper
  t0=$(date +%s%N)
  timeout -k 5 "$SERVER_MAX_SECONDS" "$BIN" --database-url "sqlite://$TMP/cold.db" --bind "127.0.0.1:$PORT_COLD" \
    serve >"$TMP/logs/cold.log" 2>&1 &
  wrapper=$!
  SERVERS+=("$wrapper")
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT_COLD/en/" || true)
    [[ $code == 200 ]] && break
    kill -0 "$wrapper" 2>/dev/null || { tail -n 20 "$TMP/logs/cold.log" >&2; die "cold-start app exited"; }
    (($(date +%s%N) - t0 < 60000000000)) || die "cold start: no 200 on /en/ within 60 s"
    sleep 0.01
  done
  t1=$(date +%s%N)
  meta cold_start_ms $(((t1 - t0) / 1000000))
  log "  first 200 after $(((t1 - t0) / 1000000)) ms"
  stop_process "$wrapper"
}

# Reads of one page with and without an editor posting a status change
# every 100 ms, on the same instance (page cache on).
step_reads_while_writing() {
  log "reads while writing: editor account on a fresh database"
  local db=$TMP/write.db url="http://127.0.0.1:$PORT_WRITE$WRITE_PAGE" writer
  printf '%s\n' "$WRITER_PASSWORD" | timeout 60 "$BIN" --database-url "sqlite://$db" \
    user add "$WRITER_USER" --role editor --password-stdin >"$TMP/logs/user-add.log" 2>&1 \
    || { cat "$TMP/logs/user-add.log" >&2; die "could not create the editor account"; }
  start_app write "$PORT_WRITE" "$db"
  check_pages "$PORT_WRITE"
  measure write-without amendment-15 "$url"

  rm -f "$TMP/writer.ready"
  BENCH_PASSWORD=$WRITER_PASSWORD timeout $((WARMUP_SECONDS + SECONDS_PER_RUN + 60)) \
    python3 "$HERE/writer.py" --base "http://127.0.0.1:$PORT_WRITE" --user "$WRITER_USER" \
    --article "$WRITE_ARTICLE" --seconds $((WARMUP_SECONDS + SECONDS_PER_RUN)) --ready-file "$TMP/writer.ready" \
    >"$TMP/results/writer.json" 2>"$TMP/logs/writer.log" &
  writer=$!
  SERVERS+=("$writer")
  # Measure only once the writer has signed in and is writing.
  local i=0
  while [[ ! -e $TMP/writer.ready ]] && ((i++ < 300)); do
    kill -0 "$writer" 2>/dev/null || break
    sleep 0.1
  done
  [[ -e $TMP/writer.ready ]] || { cat "$TMP/logs/writer.log" >&2; die "the writer did not sign in"; }
  measure write-with amendment-15 "$url"
  wait "$writer" || { cat "$TMP/logs/writer.log" >&2; die "the writer failed"; }
  forget "$writer"
  log "  $(tail -n 1 "$TMP/logs/writer.log")"
  meta rss_write_kib "$(peak_rss_kib "$APP_PID")"
  stop_process "$APP_WRAPPER"
}

# The same pages on a large generated data set, cache on and off.
step_synthetic() {
  if ! timeout 10 "$BIN" --help 2>/dev/null | grep -qw 'seed-synthetic'; then
    log "skipped: seed-synthetic not available in $BIN"
    meta synthetic "skipped: seed-synthetic not available"
    return 0
  fi
  log "synthetic scale: seed-synthetic --seed $SYNTH_SEED"
  local db=$TMP/synthetic.db t0 t1
  t0=$(date +%s%N)
  timeout "${BENCH_SYNTH_TIMEOUT:-600}" "$BIN" --database-url "sqlite://$db" seed-synthetic --seed "$SYNTH_SEED" \
    >"$TMP/logs/seed-synthetic.log" 2>&1 || { tail -n 20 "$TMP/logs/seed-synthetic.log" >&2; die "seed-synthetic failed"; }
  t1=$(date +%s%N)
  meta synthetic ran
  meta synthetic_seed "$SYNTH_SEED"
  meta synthetic_ms $(((t1 - t0) / 1000000))
  meta synthetic_output "$(grep -v '^\s*$' "$TMP/logs/seed-synthetic.log" | tail -n 1 | tr -d '\r')"
  meta synthetic_db_bytes "$(stat -c %s "$db")"
  log "  generated in $(((t1 - t0) / 1000000)) ms"

  start_app synth-cached "$PORT_SYNTH" "$db"
  check_pages "$PORT_SYNTH"
  measure_pages synth-cached "http://127.0.0.1:$PORT_SYNTH"
  meta rss_synth_cached_kib "$(peak_rss_kib "$APP_PID")"
  stop_process "$APP_WRAPPER"

  if has_page_cache; then
    start_app synth-uncached "$PORT_SYNTH" "$db" --page-cache-mib 0
    check_pages "$PORT_SYNTH"
    measure_pages synth-uncached "http://127.0.0.1:$PORT_SYNTH"
    stop_process "$APP_WRAPPER"
  fi
}

record_machine() {
  local cpu mem commit command="" v
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  [[ -n $cpu ]] || cpu=$(uname -m)
  mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ $commit != unknown ]] && ! git diff --quiet HEAD -- 2>/dev/null; then commit="$commit (with uncommitted changes)"; fi
  for v in BENCH_SECONDS BENCH_WARMUP_SECONDS BENCH_THREADS BENCH_CONNECTIONS BENCH_PORT_BASE BENCH_SYNTH_SEED \
    BENCH_SKIP_BUILD TRACKER_BIN; do
    [[ -n ${!v:-} ]] && command+="$v=${!v} "
  done
  command+="bench/run.sh"
  meta date "$(date -u '+%Y-%m-%d %H:%M UTC')"
  meta commit "$commit"
  meta nproc "$(nproc)"
  meta cpu "$cpu"
  meta memory "$mem"
  meta kernel "$(uname -r)"
  meta wrk_version "$(wrk -v 2>&1 | head -n 1 | awk '{ print $1, $2 }')"
  meta nginx_version "$("$NGINX" -v 2>&1 | sed 's/^nginx version: //')"
  meta app_version "$("$BIN" --version 2>/dev/null || echo unknown)"
  meta command "$command"
  # Other work on the machine skews everything; the report shows how busy it was.
  meta load_start "$(cut -d' ' -f1-3 /proc/loadavg)"
  meta seconds "$SECONDS_PER_RUN"
  meta warmup "$WARMUP_SECONDS"
  meta threads "$THREADS"
  meta connections "$CONNECTIONS"
  meta pages "$(printf '%s\n' "${PAGES[@]}" | cut -d'|' -f1,2 | tr '\n' ' ')"
  meta write_page "$WRITE_PAGE"
}

main() {
  check_tools
  check_ports
  build
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/rt-bench.XXXXXX")
  # nginx's workers may run as another user: they must read the saved pages.
  chmod 755 "$TMP"
  mkdir -p "$TMP/logs" "$TMP/results"
  log "working in $TMP"
  record_machine

  step_seed_cached_vs_nginx
  step_seed_uncached
  step_cold_start
  step_reads_while_writing
  step_synthetic

  meta load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
  meta runtime_s $(($(date +%s) - started_at))
  mkdir -p "$(dirname "$REPORT")"
  timeout 30 python3 "$HERE/report.py" "$TMP/results" >"$REPORT.tmp"
  mv "$REPORT.tmp" "$REPORT"
  cat "$REPORT"
  log "report written to ${REPORT#"$ROOT"/}; total runtime $(($(date +%s) - started_at)) s"
}

main "$@"
