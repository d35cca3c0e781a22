#!/usr/bin/env bash
# Drives a running mailadmind with wrk: 32 connections for 10 s on three requests, each measured three
# times; prints the median requests/s and p99 latency.
#   bench/server-throughput.sh [build-dir]      (default build/release)
# Seeds 100,000 users in 1,000 domains plus one domain of 100,000 users (bigcorp.example).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/release}"
bin="$build/bin/mailadmind"
[ -x "$bin" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

work="$(mktemp -d)"
trap '[ -z "${server_pid:-}" ] || kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
password="Bench-Pass-2026"
"$bin" init --db "$work/bench.db" --operator bench-root --password-stdin <<<"$password" >/dev/null 2>&1
echo "Seeding 100,000 users in 1,000 domains and a 100,000-user domain ..."
"$bin" seed-demo --db "$work/bench.db" --seed 7 --companies 10 --domains 1000 --users 100000 \
  --big-domain-users 100000 --password-stdin --fast-hash <<<"$password" | sed -n 1,2p
port=18441
"$bin" serve --db "$work/bench.db" --listen 127.0.0.1:$port --quiet >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/status" >/dev/null && break; sleep 0.2; done
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d "{\"login\":\"bench-root\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/sessions" |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
user=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/domains/bigcorp.example/users?offset=50000&limit=1" |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["items"][0]["address"])')

cat >"$work/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA

measure() { # name path
  local name="$1" path="$2" rps=() p99=()
  for run in 1 2 3; do
    out=$(wrk -t2 -c32 -d10s --latency -s "$work/auth.lua" "http://127.0.0.1:$port$path")
    rps+=("$(awk '/Requests\/sec/ {print $2}' <<<"$out")")
    p99+=("$(awk '$1 == "99%" {print $2}' <<<"$out")")
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
    [ -z "$errors" ] || echo "  run $run: $errors"
  done
  python3 - "$name" "${rps[@]}" "${p99[@]}" <<'PY'
import statistics, sys
name = sys.argv[1]; vals = sys.argv[2:]; n = len(vals) // 2
def ms(v):
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    for u in ("us", "ms", "s"):
        if v.endswith(u): return float(v[:-len(u)]) * units[u]
    return float(v)
rps = [float(v) for v in vals[:n]]; p99 = [ms(v) for v in vals[n:]]
print(f"{name:<44} {statistics.median(rps):>9.0f} req/s   p99 {statistics.median(p99):6.2f} ms   (runs: {', '.join(f'{r:.0f}' for r in rps)})")
PY
}

echo "wrk, 32 connections, 10 s, median of 3 runs, on $(nproc) cores:"
measure "GET one user" "/api/v1/users/$user"
measure "GET one list page (100 users)" "/api/v1/domains/bigcorp.example/users?offset=5000&limit=100"
measure "search a 100,000-user domain (q=anna.m)" "/api/v1/domains/bigcorp.example/users?q=anna.m&limit=50"
measure "search by contains pattern (q=*berg*)" "/api/v1/domains/bigcorp.example/users?q=*berg*&limit=50"
