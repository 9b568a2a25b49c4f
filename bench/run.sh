#!/usr/bin/env bash
# The benchmark (issue 10; docs/performance.md): builds Release, generates or reuses a database, starts the app
# from the build output on 127.0.0.1 (Production), signs in as realistic users through the real sign-in form,
# drives each hot page with wrk, measures a constant-string ASP.NET Core app (the ceiling) in the same run, runs
# the write load (triage, status change, note) and checks every acknowledged write is in the database, then prints
# a Markdown table (page | req/s | p50 | p99 | non-2xx | ratio) and writes it to the run's folder under bench/results/.
#
#   bench/run.sh [--issues 20000] [--events-per-issue 5] [--seed 42] [--database PATH] [--duration 15]
#                [--connections 4] [--threads 2] [--warmup 3] [--port 5380] [--accounts generated|demo] [--no-writes]
#                [--only REGEX]   (only the pages whose name matches, e.g. --only 'home|inbox')
#
# Not part of CI. It takes about (pages + 5) × (warm-up + duration) seconds: ~8 minutes at the defaults.
# The write load changes the database (issues triaged, resolved/reopened, notes added): reads are measured first.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

ISSUES=20000
EVENTS=5
SEED=42
DATABASE=""
DURATION=15
CONNECTIONS=4
THREADS=2
WARMUP=3
PORT=5380
ACCOUNTS=generated
WRITES=1
WRITERS=4
ONLY=""

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --issues) ISSUES=$2; shift 2 ;;
    --events-per-issue) EVENTS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --database) DATABASE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --accounts) ACCOUNTS=$2; shift 2 ;;
    --no-writes) WRITES=0; shift ;;
    --only) ONLY=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "Unknown option: $1" >&2; usage 2 ;;
  esac
done
CEILING_PORT=$((PORT + 1))
DATABASE=${DATABASE:-bench/data/issues-$ISSUES-events-$EVENTS-seed-$SEED.db}
mkdir -p "$(dirname "$DATABASE")"
DATABASE=$(cd "$(dirname "$DATABASE")" && pwd)/$(basename "$DATABASE")

# Who signs in. The generator's well-known accounts, or (for trying the script on a Development database) the demo's.
case "$ACCOUNTS" in
  generated)
    PASSWORD='Generated-data-only-2026'
    PM=partnership.manager@generated.example; AM=area.manager.1@generated.example; SO=support.officer.1@generated.example
    CLLR=councillor.1@generated.example; PARTNER=partner.1@generated.example ;;
  demo)
    PASSWORD='Walsall-Demo-2026!'
    PM=partnership.manager@demo.walsall.test; AM=area.manager@demo.walsall.test; SO=support.officer@demo.walsall.test
    CLLR=councillor@demo.walsall.test; PARTNER=police@demo.walsall.test ;;
  *) echo "--accounts is generated or demo" >&2; exit 2 ;;
esac

STAMP=$(date -u +%Y-%m-%d-%H%M)
RUN=$STAMP-$(basename "$DATABASE" .db)
OUT=$ROOT/bench/results/$RUN
mkdir -p "$OUT/wrk"
BASE=http://127.0.0.1:$PORT
WEB_BIN=$ROOT/src/AreaPartnerships.Web/bin/Release/net10.0
CEILING_BIN=$ROOT/bench/Ceiling/bin/Release/net10.0
WRITELOAD_BIN=$ROOT/bench/WriteLoad/bin/Release/net10.0
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------------------------------------------- tools
need_package() { # command package
  if ! command -v "$1" > /dev/null; then
    log "Installing $2 (apt-get)…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "$2" > /dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" > /dev/null; }
  fi
}
need_package wrk wrk
need_package sqlite3 sqlite3
need_package curl curl

# ---------------------------------------------------------------------------------------------------- build
log "Building Release (the app, the ceiling, the write-load driver)…"
dotnet build src/AreaPartnerships.Web -c Release -nologo -v q > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
dotnet build bench/Ceiling -c Release -nologo -v q >> "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
dotnet build bench/WriteLoad -c Release -nologo -v q >> "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }

# ---------------------------------------------------------------------------------------------------- data
if [ ! -f "$DATABASE" ]; then
  log "Generating $ISSUES issues × $EVENTS events (seed $SEED) into $DATABASE…"
  # Into a temporary name first, so a generation cut short never leaves a half-filled file to be reused.
  rm -f "$DATABASE.generating" "$DATABASE.generating-wal" "$DATABASE.generating-shm"
  ( cd "$OUT" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_CONTENTROOT="$WEB_BIN" dotnet "$WEB_BIN/AreaPartnerships.Web.dll" \
      generate --issues "$ISSUES" --events-per-issue "$EVENTS" --seed "$SEED" --database "$DATABASE.generating" ) 2>&1 \
    | tee "$OUT/generate.log" | tail -8 >&2 || { echo "The generator failed (see $OUT/generate.log)" >&2; exit 1; }
  for suffix in "" -wal -shm; do
    [ ! -f "$DATABASE.generating$suffix" ] || mv "$DATABASE.generating$suffix" "$DATABASE$suffix"
  done
  [ -f "$DATABASE" ] || { echo "The generator did not create $DATABASE" >&2; exit 1; }
  echo "generated by bench/run.sh with --issues $ISSUES --events-per-issue $EVENTS --seed $SEED" > "$DATABASE.bench"
else
  log "Reusing $DATABASE"
fi
sql() { sqlite3 -separator ' ' -cmd '.timeout 30000' "$DATABASE" "$@"; }

# ---------------------------------------------------------------------------------------------------- processes
APP_PID=""; CEILING_PID=""; SAMPLER_PID=""
cleanup() {
  for pid in $SAMPLER_PID $CEILING_PID $APP_PID; do
    kill "$pid" 2> /dev/null || true
  done
  wait 2> /dev/null || true
}
trap cleanup EXIT

wait_for() { # url seconds [pid that must stay alive]
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    [ $SECONDS -lt "$deadline" ] || { echo "Nothing answered at $1 after $2 s" >&2; return 1; }
    [ -z "${3:-}" ] || kill -0 "$3" 2> /dev/null || { echo "The process for $1 ended (see its log in $OUT)" >&2; return 1; }
    sleep 0.5
  done
}
port_free() { ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; }
port_free "$PORT" || { echo "Something already answers on port $PORT (use --port)" >&2; exit 1; }
port_free "$CEILING_PORT" || { echo "Something already answers on port $CEILING_PORT (use --port)" >&2; exit 1; }

# The app from the Release build output, Production (no demo data), its console and its log files in the run's
# folder (the Serilog file sink writes logs/ under the working directory).
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "Starting the app on $BASE…"
( cd "$OUT" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet "$WEB_BIN/AreaPartnerships.Web.dll" \
    --contentRoot "$WEB_BIN" --webroot "$ROOT/src/AreaPartnerships.Web/wwwroot" --urls "$BASE" \
    --AllowedHosts "127.0.0.1" --Database:SqlitePath "$DATABASE" > "$OUT/app.log" 2>&1 ) &
APP_PID=$!
wait_for "$BASE/health" 1800 "$APP_PID"  # long: start-up applies any pending migration to a big database

# Sample the app's resident memory every second; VmHWM (the kernel's own peak) is read at the end.
( while [ -r "/proc/$APP_PID/status" ]; do
    awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status" 2> /dev/null || true
    sleep 1
  done > "$OUT/rss-kb.log" ) &
SAMPLER_PID=$!

# ---------------------------------------------------------------------------------------------------- sign in
# Through the real form: GET the page (anti-forgery cookie + hidden token), POST it, keep the cookies. Prints the
# Cookie header a browser would send afterwards (the session cookie ap.auth — chunked if large — and ap.af).
input_value() { # html name
  { grep -o "<input[^>]*name=\"$2\"[^>]*>" <<< "$1" || true; } | head -1 | sed -n 's/.*value="\([^"]*\)".*/\1/p'
}
sign_in() { # email → Cookie header
  local jar page token answer header status
  jar=$(mktemp)
  page=$(curl -s -c "$jar" -b "$jar" "$BASE/account/sign-in")
  token=$(input_value "$page" __RequestVerificationToken)
  [ -n "$token" ] || { echo "No anti-forgery token on the sign-in page" >&2; return 1; }
  answer=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "Email=$1" --data-urlencode "Password=$PASSWORD" --data-urlencode "ReturnUrl=" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/sign-in")
  case "$answer" in
    302*) ;;
    *) echo "Signing in as $1 failed: $answer" >&2; return 1 ;;
  esac
  # The page a browser lands on after signing in: it must answer 200, not a redirect to the sign-in page, and it
  # clears what the sign-in kept for the next request (the temp-data cookie), as a browser's would.
  status=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' "$BASE/")
  [ "$status" = 200 ] || { echo "Signed in as $1 but / answered $status" >&2; rm -f "$jar"; return 1; }
  header=$(awk -F'\t' 'NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
  rm -f "$jar"
  printf '%s' "$header"
}
log "Signing in through the form as each role…"
declare -A COOKIE
for who in PM AM SO CLLR PARTNER; do
  COOKIE[$who]=$(sign_in "${!who}")
done

# ---------------------------------------------------------------------------------------------------- targets
# Realistic targets, chosen from the data: the busiest ward for in-progress issues, the area and level with the most
# issues, the owner with the most issues, the issue with the longest timeline.
log "Choosing targets…"
NOTES=()
status_name() { case "$1" in 1) echo New ;; 2) echo Triaged ;; 3) echo InProgress ;; 4) echo Resolved ;; 5) echo Closed ;; 6) echo Withdrawn ;; esac; }
WARD=$(sql "SELECT WardId FROM Issues WHERE Status = 3 GROUP BY WardId ORDER BY COUNT(*) DESC LIMIT 1")
read -r AREA LEVEL < <(sql "SELECT AreaId, Level FROM Issues WHERE Level IS NOT NULL GROUP BY AreaId, Level ORDER BY COUNT(*) DESC LIMIT 1")
OWNER=$(sql "SELECT OwnerId FROM Issues WHERE OwnerId IS NOT NULL GROUP BY OwnerId ORDER BY COUNT(*) DESC LIMIT 1")
read -r DEEP_ISSUE DEEP_EVENTS < <(sql "SELECT i.Reference, e.n FROM (SELECT IssueId, COUNT(*) AS n FROM IssueEvents GROUP BY IssueId ORDER BY n DESC LIMIT 1) e JOIN Issues i ON i.Id = e.IssueId")
ISSUE_COUNT=$(sql "SELECT COUNT(*) FROM Issues")
# The first area's budget for the latest year (the generated area manager's own).
BUDGET=$(sql "SELECT Id FROM QuickWinBudgets WHERE AreaId = (SELECT MIN(AreaId) FROM QuickWinBudgets) ORDER BY FinancialYearStart DESC LIMIT 1")
# An issue in that area with an estimate (and, where there is one, costs): its costs and estimate pages.
COST_ISSUE=$(sql "SELECT i.Reference FROM CostEstimates e JOIN Issues i ON i.Id = e.IssueId WHERE i.AreaId = (SELECT MIN(AreaId) FROM QuickWinBudgets) ORDER BY EXISTS (SELECT 1 FROM IssueCosts c WHERE c.IssueId = i.Id) DESC, e.Id DESC LIMIT 1")
# Last financial year (1 April – 31 March, UK), for the value-for-money report's other period.
FY_START=$(( $(date +%m) >= 4 ? $(date +%Y) : $(date +%Y) - 1 ))
LAST_FY="from=$((FY_START - 1))-04-01&to=${FY_START}-03-31"
EVENT_COUNT=$(sql "SELECT COUNT(*) FROM IssueEvents")
log "Ward $WARD (in progress), area $AREA level $LEVEL, owner $OWNER, issue $DEEP_ISSUE ($DEEP_EVENTS events)"
[ "$DEEP_EVENTS" -ge 50 ] || NOTES+=("Issue page: the longest timeline in this database has $DEEP_EVENTS events, so the page's limit of the latest 50 is not exercised.")

html_decode() { sed -e 's/&amp;/\&/g' -e 's/&#x2B;/+/g' -e 's/&#x3D;/=/g' -e 's/&#x2F;/\//g'; }
FIRST_PAGE=$(curl -s -H "Cookie: ${COOKIE[PM]}" "$BASE/issues")
# The sort links exactly as the column headers offer them (whatever columns the list has today).
mapfile -t SORT_LINKS < <(grep -o 'href="[^"]*[?&;]Sort=[^"]*"' <<< "$FIRST_PAGE" | sed 's/^href="//; s/"$//' | html_decode | awk '!seen[$0]++')

# Deep pages, whichever way the list pages:
# - by number (?Page=N, numbered links): the last page's link, and the page-2 link with 2000 for 2;
# - by key (a "Next" link, rel="next", naming the row to start after, e.g. ?After=AP-2016-00042; a "Last page" link):
#   the "Last page" link, and page 2,000 as "Next" pressed 1,999 times. When "Next" names a reference and sqlite3
#   agrees with the app on the default order (its 25th row is the one page 1's "Next" names), page 2,000's link is
#   computed from the database; otherwise the script follows "Next" 1,999 times (giving up after 3 minutes).
# BENCH_LAST_URL and BENCH_PAGE2000_URL override both (adapt here if the list's paging changes again).
PAGE_SIZE=25
href_of() { # html pattern-inside-<a> → href of the first matching link
  { grep -o "<a [^>]*$2[^>]*>" <<< "$1" || true; } | head -1 | sed -n 's/.*href="\([^"]*\)".*/\1/p' | html_decode
}
page_link() { href_of "$1" "aria-label=\"Page $2\""; }
LAST_PAGE_NUMBER=$({ grep -o 'aria-label="Page [0-9]*"' <<< "$FIRST_PAGE" || true; } | grep -o '[0-9]*' | sort -n | tail -1 || true)
last_page_url() {
  if [ -n "${BENCH_LAST_URL:-}" ]; then echo "$BENCH_LAST_URL"; return; fi
  if [ -n "$LAST_PAGE_NUMBER" ]; then page_link "$FIRST_PAGE" "$LAST_PAGE_NUMBER"; return; fi
  local last
  last=$(href_of "$FIRST_PAGE" 'data-testid="last-page"')
  [ -n "$last" ] || last=$(href_of "$FIRST_PAGE" 'rel="last"')
  [ -n "$last" ] && echo "$last"
  return 0
}
page_2000_url() {
  if [ -n "${BENCH_PAGE2000_URL:-}" ]; then echo "$BENCH_PAGE2000_URL"; return; fi
  local page2 next after row25 row
  page2=$(page_link "$FIRST_PAGE" 2)
  if [ -n "$page2" ] && grep -Eqi '[?&]page=2($|&)' <<< "$page2"; then
    [ "${LAST_PAGE_NUMBER:-0}" -ge 2000 ] && sed -E 's/([?&][Pp]age=)2($|&)/\12000\2/' <<< "$page2"
    return 0
  fi
  next=$(href_of "$FIRST_PAGE" 'rel="next"')
  [ -n "$next" ] || return 0
  after=$(sed -n 's/.*[?&]After=\([^&]*\).*/\1/p' <<< "$next")
  if [ -n "$after" ]; then
    row25=$(sql "SELECT Reference FROM Issues ORDER BY RaisedAt DESC, Id DESC LIMIT 1 OFFSET $((PAGE_SIZE - 1))")
    if [ "$row25" = "$after" ]; then
      row=$(sql "SELECT Reference FROM Issues ORDER BY RaisedAt DESC, Id DESC LIMIT 1 OFFSET $((1999 * PAGE_SIZE - 1))")
      [ -n "$row" ] && echo "${next/After=$after/After=$row}"
      return 0
    fi
  fi
  local url=$next html n=2 deadline=$((SECONDS + 180))
  while [ $n -lt 2000 ] && [ $SECONDS -lt $deadline ]; do
    html=$(curl -s -H "Cookie: ${COOKIE[PM]}" "$BASE$url")
    url=$(href_of "$html" 'rel="next"')
    [ -n "$url" ] || return 0
    n=$((n + 1))
  done
  [ $n -eq 2000 ] && echo "$url"
  return 0
}
LAST_URL=$(last_page_url)
PAGE2000_URL=$(page_2000_url)

# name | who | path | target class (list = ratio ≥ 0.06 and p99 ≤ 15 ms; deep = ratio ≥ 0.04 and p99 ≤ 25 ms)
PAGES=(
  "Case list, default view (partnership manager)|PM|/issues|list"
  "Case list, ward + status ($(status_name 3))|PM|/issues?WardId=$WARD&Status=InProgress|list"
  "Case list, area + level (level $LEVEL)|PM|/issues?AreaId=$AREA&Level=$LEVEL|list"
  "Case list, owner|PM|/issues?OwnerId=$OWNER|list"
  "Case list, overdue|PM|/issues?Overdue=true|list"
)
for link in "${SORT_LINKS[@]}"; do
  key=$(sed -n 's/.*[?&]Sort=\([^&]*\).*/\1/p' <<< "$link")
  dir=$(sed -n 's/.*[?&]Dir=\([^&]*\).*/\1/p' <<< "$link")
  PAGES+=("Case list, sorted by $key${dir:+ ($dir)}|PM|$link|list")
done
[ ${#SORT_LINKS[@]} -gt 0 ] || NOTES+=("No sort links found on the case list: sorted pages not measured.")
if [ -n "$LAST_URL" ]; then
  PAGES+=("Case list, last page${LAST_PAGE_NUMBER:+ (page $LAST_PAGE_NUMBER)}|PM|$LAST_URL|deep")
else
  NOTES+=("Case list, last page: not measured (the list fits on one page, or no link to its last page was found: adapt last_page_url() in bench/run.sh or set BENCH_LAST_URL).")
fi
if [ -n "$PAGE2000_URL" ]; then
  PAGES+=("Case list, page 2,000|PM|$PAGE2000_URL|deep")
else
  NOTES+=("Case list, page 2,000: not measured (the list has fewer than 2,000 pages, or page 2,000 could not be reached by its links; set BENCH_PAGE2000_URL).")
fi
PAGES+=(
  "Triage inbox (area manager)|AM|/issues/triage|list"
  "Issue page ($DEEP_EVENTS timeline events)|PM|/issues/$DEEP_ISSUE|list"
  "Home, partnership manager|PM|/|list"
  "Home, area manager|AM|/|list"
  "Home, support officer|SO|/|list"
  "Home, councillor|CLLR|/|list"
  "Home, partner user|PARTNER|/|list"
  "Meetings, upcoming (partnership manager)|PM|/meetings|list"
  "Meetings, past (area manager)|AM|/meetings?When=past|list"
  "My meetings (partner user)|PARTNER|/meetings/mine|list"
  "Quick wins, every area (partnership manager)|PM|/budgets|list"
  "Quick-win ledger, this year (area manager)|AM|/budgets/$BUDGET|list"
  "Value for money, this year, every area (partnership manager)|PM|/value-for-money|list"
  "Value for money, last year, own areas (area manager)|AM|/value-for-money?$LAST_FY|list"
  "Value for money, issues behind, most avoided first (partnership manager)|PM|/value-for-money/issues?order=avoided|list"
  "Borough dashboard, this year, every area (partnership manager)|PM|/dashboard|deep"
  "Borough dashboard, this quarter, one area (partnership manager)|PM|/dashboard?Period=quarter&AreaId=$AREA|deep"
  "Borough dashboard, own areas (area manager)|AM|/dashboard|deep"
  "Case list behind a flow figure: stepped up this year, one area|PM|/issues?AreaId=$AREA&Moved=Up&MovedFrom=${FY_START}-04-01&MovedTo=$((FY_START + 1))-03-31|deep"
  "Ward profile (partnership manager)|PM|/wards/$WARD|list"
)
if [ -n "$COST_ISSUE" ]; then
  PAGES+=(
    "Costs on an issue (area manager)|AM|/issues/$COST_ISSUE/costs|list"
    "Estimate on an issue (area manager)|AM|/issues/$COST_ISSUE/estimate|list"
  )
else
  NOTES+=("Costs and estimate pages: not measured (no estimate in the first area of this database).")
fi

# ---------------------------------------------------------------------------------------------------- measure
# One wrk run: warm-up (discarded), then the measured run with bench/wrk/count.lua, which prints a RESULT line.
measure() { # slug url cookie-header → RESULT line
  local args=(-t "$THREADS" -c "$CONNECTIONS" --timeout 10s)
  [ -n "$3" ] && args+=(-H "Cookie: $3")
  wrk "${args[@]}" -d "${WARMUP}s" "$2" > "$OUT/wrk/$1.warmup.txt" 2>&1 || true
  wrk "${args[@]}" -d "${DURATION}s" --latency -s "$ROOT/bench/wrk/count.lua" "$2" > "$OUT/wrk/$1.txt" 2>&1 || true
  grep '^RESULT ' "$OUT/wrk/$1.txt" || { echo "RESULT rps=0 p50_ms=0 p99_ms=0 non2xx=0 socket_errors=0 to_sign_in=0"; }
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<< " $1"; }

run_ceiling() { # slug → RESULT line
  ( cd "$OUT" && exec dotnet "$CEILING_BIN/Ceiling.dll" --urls "http://127.0.0.1:$CEILING_PORT" > "$OUT/ceiling-$1.log" 2>&1 ) &
  CEILING_PID=$!
  wait_for "http://127.0.0.1:$CEILING_PORT/" 60 "$CEILING_PID"
  measure "$1" "http://127.0.0.1:$CEILING_PORT/" ""
  kill "$CEILING_PID"; wait "$CEILING_PID" 2> /dev/null || true; CEILING_PID=""
}

# The whole app warmed first: each page to be measured for a second, so shared code (the layout, sign-in checks, the
# data layer) is past the JIT's first tiers before any measurement. Without it the first page measured paid for the
# app's start-up: the partnership manager's home, first, measured 917 req/s in a fresh app's first 13 s and 2,202 in
# the next run of the same page.
log "Warming the app: each page to be measured for 1 s…"
for page in "${PAGES[@]}"; do
  IFS='|' read -r name who path class <<< "$page"
  [ -z "$ONLY" ] || grep -Eqi -- "$ONLY" <<< "$name" || continue
  wrk -t "$THREADS" -c "$CONNECTIONS" --timeout 10s -d 1s -H "Cookie: ${COOKIE[$who]}" "$BASE$path" > /dev/null 2>&1 || true
done

log "Ceiling (before the pages)…"
CEILING_BEFORE=$(run_ceiling ceiling-before)
log "  $(field "$CEILING_BEFORE" rps) req/s"

declare -a RESULTS=()
if [ $((WARMUP + DURATION)) -ge 60 ]; then
  NOTES+=("Each page's warm-up and run (${WARMUP} + ${DURATION} s) outlast the one-minute security-stamp interval: later in each run, every request re-checks the account and re-issues its cookie, which a browser would do once a minute.")
fi
i=0
for page in "${PAGES[@]}"; do
  IFS='|' read -r name who path class <<< "$page"
  i=$((i + 1))
  slug=$(printf '%02d' $i)
  [ -z "$ONLY" ] || grep -Eqi -- "$ONLY" <<< "$name" || continue
  log "$name: $path"
  # Signed in afresh for each page. wrk sends the same cookie for the whole run and never takes the renewed one the app
  # sends back; once a cookie is a minute old (the security-stamp interval) the app checks the account and re-issues the
  # cookie on every request, where a browser, keeping the cookie it is sent, pays that once a minute. With a cookie
  # from the start of the benchmark, every page after its first minute ran at about a third of its speed.
  COOKIE[$who]=$(sign_in "${!who}")
  log_from=$(($(wc -l < "$OUT/app.log") + 1))
  result=$(measure "$slug" "$BASE$path" "${COOKIE[$who]}")
  # Redirects, from the app's request log for this page's warm-up and run (count.lua no longer sees each response):
  # every page measured answers 200, so a redirect is a lost session (to the sign-in page) or a fault.
  redirects=$(tail -n "+$log_from" "$OUT/app.log" | grep -c ' responded 3[0-9][0-9] ' || true)
  result="$result to_sign_in=$redirects"
  log "  $(field "$result" rps) req/s, p50 $(field "$result" p50_ms) ms, p99 $(field "$result" p99_ms) ms, non-2xx $(field "$result" non2xx)"
  if [ "$(field "$result" requests)" = 0 ]; then
    # Nothing finished within the run: time one request on its own, so the row still says how slow the page is.
    read -r code seconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 120 -H "Cookie: ${COOKIE[$who]}" "$BASE$path" || echo "none 120+")
    NOTES+=("$name: no request completed within the ${DURATION} s run at $CONNECTIONS connections; one request on its own answered $code in $(awk -v s="$seconds" 'BEGIN { printf "%.2f", s }' 2> /dev/null || echo "$seconds") s.")
    log "  (no request completed; one on its own: $code in $seconds s)"
  fi
  RESULTS+=("$name|$path|$class|$result")
done

log "Ceiling (after the pages)…"
CEILING_AFTER=$(run_ceiling ceiling-after)
log "  $(field "$CEILING_AFTER" rps) req/s"
CEILING_RPS=$(awk -v a="$(field "$CEILING_BEFORE" rps)" -v b="$(field "$CEILING_AFTER" rps)" 'BEGIN { printf "%.1f", (a + b) / 2 }')

# ---------------------------------------------------------------------------------------------------- writes
# Triage, status change and note, each through the real forms by $WRITERS workers signed in as the partnership
# manager (bench/WriteLoad). Each write carries a unique text; afterwards every acknowledged one must be in the
# timeline, and the app log must hold no "database is locked" and no 5xx.
declare -a WRITE_ROWS=()
if [ "$WRITES" = 1 ]; then
  MARKER="bench-$STAMP-$$"
  WRITE_LOG_FROM=$(($(wc -l < "$OUT/app.log") + 1))
  BEFORE_EVENT=$(sql "SELECT COALESCE(MAX(Id), 0) FROM IssueEvents")
  sql "SELECT Reference FROM Issues WHERE Status IN (2, 3) ORDER BY Id DESC LIMIT 4000" > "$OUT/issues-note.txt"
  sql "SELECT Reference FROM Issues WHERE Status = 1 ORDER BY RaisedAt, Id LIMIT 40000" > "$OUT/issues-triage.txt"
  sql "SELECT Reference FROM Issues WHERE Status IN (3, 4) AND Level IN (2, 3, 4) ORDER BY Id DESC LIMIT 4000" > "$OUT/issues-status.txt"
  for kind in triage status note; do
    case $kind in triage) event_kinds="2" ;; status) event_kinds="9, 10" ;; note) event_kinds="7" ;; esac
    if [ "$(wc -l < "$OUT/issues-$kind.txt")" -lt "$WRITERS" ]; then
      NOTES+=("Writes, $kind: not measured (fewer than $WRITERS suitable issues in the database).")
      continue
    fi
    log "Writes: $kind, $WRITERS workers, ${DURATION} s…"
    result=$(dotnet "$WRITELOAD_BIN/WriteLoad.dll" --base "$BASE" --email "$PM" --password "$PASSWORD" --kind "$kind" \
      --duration "$DURATION" --workers "$WRITERS" --issues "$OUT/issues-$kind.txt" --marker "$MARKER" \
      --acknowledged "$OUT/acknowledged-$kind.txt" 2> "$OUT/writeload-$kind.err" | grep '^RESULT ' || echo "RESULT acknowledged=0 writes_per_s=0")
    # Every acknowledged write present? (Its text is the event's body: the reason, the outcome or the note.)
    sql "SELECT Body FROM IssueEvents WHERE Id > $BEFORE_EVENT AND Kind IN ($event_kinds) AND Body LIKE '$MARKER $kind %'" | sort > "$OUT/present-$kind.txt"
    sort "$OUT/acknowledged-$kind.txt" > "$OUT/acknowledged-$kind.sorted"
    missing=$(comm -23 "$OUT/acknowledged-$kind.sorted" "$OUT/present-$kind.txt" | wc -l)
    unacknowledged=$(comm -13 "$OUT/acknowledged-$kind.sorted" "$OUT/present-$kind.txt" | wc -l)
    log "  $(field "$result" writes_per_s) writes/s, $(field "$result" acknowledged) acknowledged, $missing missing from the database"
    WRITE_ROWS+=("$kind|$result missing=$missing unacknowledged_present=$unacknowledged")
  done
fi

# ---------------------------------------------------------------------------------------------------- finish
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
HWM_KB=$(awk '/^VmHWM/ { print $2 }' "/proc/$APP_PID/status" 2> /dev/null || echo 0)
RSS_MAX_KB=$(sort -n "$OUT/rss-kb.log" | tail -1)
kill "$APP_PID"; wait "$APP_PID" 2> /dev/null || true; APP_PID=""
LOCKED=$(grep -c 'database is locked' "$OUT/app.log" || true)
# 5xx in the app's log, and how many of them were requests the client abandoned (wrk closes its connections when its
# time is up; the app logs the cancelled request as a 500 that nobody receives).
five_xx() { # from-line → "all cancelled"
  tail -n "+$1" "$OUT/app.log" | awk '/ responded 5[0-9][0-9] / { n++; pending = 1; next }
    pending { if ($0 ~ /^System\.(Threading\.Tasks\.TaskCanceledException|OperationCanceledException)/) c++; pending = 0 }
    END { print n + 0, c + 0 }'
}
read -r FIVE_XX FIVE_XX_CANCELLED < <(five_xx 1)
read -r WRITE_FIVE_XX WRITE_FIVE_XX_CANCELLED < <(five_xx "${WRITE_LOG_FROM:-999999999}")
gzip -f "$OUT/app.log" "$OUT"/logs/*.log 2> /dev/null || true

mb() { awk -v kb="$1" 'BEGIN { printf "%.0f MB", kb / 1024 }'; }
ms() { awk -v v="$1" 'BEGIN { if (v >= 1000) printf "%.2f s", v / 1000; else if (v >= 10) printf "%.0f ms", v; else printf "%.1f ms", v }'; }
thousands() { sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<< "$1"; }
DB_SIZE=$({ du -ch "$DATABASE" "$DATABASE-wal" 2> /dev/null || true; } | tail -1 | cut -f1)
{
  echo "# Benchmark $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "- Data: $(thousands "$ISSUE_COUNT") issues, $(thousands "$EVENT_COUNT") timeline events ($(basename "$DATABASE"), $DB_SIZE; $(cat "$DATABASE.bench" 2> /dev/null || echo 'not generated by this script'))"
  echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) memory, $(uname -sr)"
  echo "- Build: commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD 2> /dev/null || echo ' (with local changes)'), Release, .NET $(dotnet --version), SQLite, Production"
  echo "- Load average (1, 5, 15 min) before the run: $LOAD_BEFORE; after: $LOAD_AFTER (this run's own load included; much above $(nproc) before it means a busy machine)"
  echo "- wrk: $THREADS threads, $CONNECTIONS connections, ${WARMUP} s warm-up then ${DURATION} s per page, signed in through the sign-in form"
  echo "- Ceiling (constant-string ASP.NET Core app, bench/Ceiling): $CEILING_RPS req/s (before the pages $(field "$CEILING_BEFORE" rps), after $(field "$CEILING_AFTER" rps)); p50 $(ms "$(field "$CEILING_BEFORE" p50_ms)"), p99 $(ms "$(field "$CEILING_BEFORE" p99_ms)")"
  echo "- App peak RSS: $(mb "$HWM_KB") (VmHWM at the end); highest sampled VmRSS $(mb "${RSS_MAX_KB:-0}"); target ≤ 300 MB"
  echo
  echo "| page | req/s | p50 | p99 | non-2xx | KB a response | ratio | target (ratio, p99) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  for row in "${RESULTS[@]}"; do
    IFS='|' read -r name path class result <<< "$row"
    rps=$(field "$result" rps); p50=$(field "$result" p50_ms); p99=$(field "$result" p99_ms)
    non2xx=$(( $(field "$result" non2xx) + $(field "$result" socket_errors) + $(field "$result" to_sign_in) ))
    to_sign_in=$(field "$result" to_sign_in)
    if [ "$class" = deep ]; then want_ratio=0.04; want_p99=25; else want_ratio=0.06; want_p99=15; fi
    ratio=$(awk -v r="$rps" -v c="$CEILING_RPS" 'BEGIN { printf "%.4f", (c > 0 ? r / c : 0) }')
    met=$(awk -v r="$ratio" -v p="$p99" -v wr="$want_ratio" -v wp="$want_p99" -v n="$non2xx" -v q="$(field "$result" requests)" 'BEGIN { if (q > 0 && r >= wr && p <= wp && n == 0) print "met"; else print "**not met**" }')
    if [ "$(field "$result" requests)" = 0 ]; then p50_cell="> ${DURATION} s"; p99_cell="> ${DURATION} s"; else p50_cell=$(ms "$p50"); p99_cell=$(ms "$p99"); fi
    echo "| $name \`$path\` | $rps | $p50_cell | $p99_cell | $non2xx$([ "${to_sign_in:-0}" = 0 ] || echo " ($to_sign_in redirected)") | $(awk -v b="$(field "$result" bytes_per_request)" 'BEGIN { printf "%.0f", b / 1024 }') | $ratio | ≥ $want_ratio, ≤ $want_p99 ms: $met |"
  done
  if [ ${#WRITE_ROWS[@]} -gt 0 ]; then
    echo
    echo "Writes ($WRITERS concurrent writers signed in as the partnership manager, ${DURATION} s each, through the real forms; target ≥ 300/s each, zero \"database is locked\", zero 5xx):"
    echo
    echo "| write | writes/s | POST p50 | POST p99 | acknowledged | missing afterwards | refused (4xx) | 5xx | to sign-in | failed | form GETs |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for row in "${WRITE_ROWS[@]}"; do
      IFS='|' read -r kind result <<< "$row"
      extra=""
      [ "$(field "$result" pool_exhausted)" = 0 ] || extra=" (ran out of New issues: $(field "$result" pool_exhausted) of $WRITERS workers stopped early)"
      echo "| $kind$extra | $(field "$result" writes_per_s) | $(ms "$(field "$result" post_p50_ms)") | $(ms "$(field "$result" post_p99_ms)") | $(field "$result" acknowledged) | $(field "$result" missing) | $(field "$result" refused_4xx) | $(field "$result" errors_5xx) | $(field "$result" to_sign_in) | $(field "$result" failed) | $(field "$result" form_gets) |"
    done
    echo
    echo "App log, during the writes: $WRITE_FIVE_XX responses 5xx ($WRITE_FIVE_XX_CANCELLED of them requests the client had abandoned)."
  fi
  echo
  echo "App log, whole run: $LOCKED \"database is locked\"; $FIVE_XX responses 5xx, of which $FIVE_XX_CANCELLED were requests the client had abandoned (wrk closing its connections when its time is up)."
  if [ ${#NOTES[@]} -gt 0 ]; then
    echo
    for note in "${NOTES[@]}"; do echo "- $note"; done
  fi
} > "$OUT/results.md"
cp "$OUT/results.md" "$ROOT/bench/results/$RUN.md"
echo
cat "$OUT/results.md"
echo
log "Results: bench/results/$RUN.md (raw wrk output, logs and RSS samples in bench/results/$RUN/)"
