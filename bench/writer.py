#!/usr/bin/env python3
"""An admin client that records a status change every 100 ms.

Used by bench/run.sh to measure what writes cost the readers: it signs in
as an editor, then on a fixed cadence loads the amendment's admin page
(for the CSRF token and the optimistic-locking version) and posts a new
"amended later" status. It prints one JSON object with the counts on
standard output; progress and errors go to standard error.

Python 3 standard library only, so a fresh clone needs nothing from pip.
"""

import argparse
import http.cookiejar
import json
import os
import re
import signal
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]*)"')
VERSION_RE = re.compile(r'name="version" value="([^"]*)"')
SESSION_COOKIE = "rt_session"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Leave redirects alone: a 303 is the success we check for."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def request(opener, url, data=None, timeout=5.0):
    """Returns (status, body text); a 3xx/4xx/5xx is a status, not an exception."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body)
    if body is not None:
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with opener.open(req, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def sign_in(opener, jar, base, username, password):
    status, _ = request(
        opener,
        f"{base}/en/admin/login",
        {"username": username, "password": password, "next": "/en/admin/"},
    )
    if status != 303 or not any(c.name == SESSION_COOKIE for c in jar):
        raise SystemExit(f"writer: sign-in failed (status {status}, session cookie {'set' if jar else 'missing'})")


def write_once(opener, base, article, n):
    """One status change; returns None on success or a short reason."""
    page_url = f"{base}/en/admin/amendments/{article}"
    status, page = request(opener, page_url)
    if status != 200:
        return f"GET admin page: {status}"
    csrf, version = CSRF_RE.search(page), VERSION_RE.search(page)
    if not csrf or not version:
        return "admin page without csrf_token/version"
    status, _ = request(
        opener,
        f"{page_url}/status",
        {
            "csrf_token": csrf.group(1),
            "version": version.group(1),
            "status": "amended_later",
            "effective_date": "2023-01-01",
            "note": f"Benchmark write {n}",
            "source_url": "https://example.org/bench",
        },
    )
    return None if status == 303 else f"POST status: {status}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="e.g. http://127.0.0.1:28403")
    parser.add_argument("--user", required=True)
    parser.add_argument("--article", default="42")
    parser.add_argument("--seconds", type=float, required=True, help="how long to keep writing")
    parser.add_argument("--interval", type=float, default=0.1, help="seconds between writes")
    parser.add_argument("--ready-file", help="created once signed in, so the caller can start measuring")
    args = parser.parse_args()
    password = os.environ.get("BENCH_PASSWORD")
    if not password:
        raise SystemExit("writer: set BENCH_PASSWORD (kept out of the command line)")

    # Stop cleanly (and still print the counts) when the caller ends us early.
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    sign_in(opener, jar, args.base, args.user, password)
    if args.ready_file:
        open(args.ready_file, "w").close()

    ok, failed, reasons = 0, 0, {}
    started = time.monotonic()
    deadline = started + args.seconds
    tick = started
    n = 0
    while not stopping and time.monotonic() < deadline:
        n += 1
        try:
            reason = write_once(opener, args.base, args.article, n)
        except (OSError, urllib.error.URLError) as e:
            reason = f"{type(e).__name__}: {e}"
        if reason is None:
            ok += 1
        else:
            failed += 1
            reasons[reason] = reasons.get(reason, 0) + 1
        # A fixed cadence: the next write is due one interval after the last
        # was due; if a write ran late we do not burst to catch up.
        tick = max(tick + args.interval, time.monotonic())
        time.sleep(max(0.0, tick - time.monotonic()))

    elapsed = time.monotonic() - started
    result = {"ok": ok, "failed": failed, "seconds": round(elapsed, 2), "failures": reasons}
    print(json.dumps(result))
    print(f"writer: {ok} writes, {failed} failed in {elapsed:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
