#!/usr/bin/env bash
# Batch benchmark: N synthetic partners × 2 languages (docs/benchmarks.md
# says what was measured and how).
#   - cold `generate` into an empty folder, against `cp -r` of the resulting
#     pages in the same run (the cost of just writing the files);
#   - no-op `generate` on up-to-date pages (must rewrite no file);
#   - peak memory of each;
#   - with SCAFFOLDERS=1, hygen and cookiecutter (one process per page) on
#     the same page, per page.
# Runs are interleaved and the medians reported, since disk timings here vary.
#
#   scripts/bench.sh [N] [RUNS]        defaults: 300 5 (a docs team's size)
#   scripts/bench.sh 5000 3            the guard: cold at most 3.5x cp -r
#   SCAFFOLDERS=1 PAGES=100 scripts/bench.sh 5000 3
set -euo pipefail
N=${1:-300}
RUNS=${2:-5}
PAGES=${PAGES:-100}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"
go build -o "$work/partnerpages" ./cmd/partnerpages
go run ./scripts/synth -n "$N" -dir "$work/partners"
pp="$work/partnerpages"

# t CMD... runs CMD and appends "seconds peak_kb" to the file named by $OUT:
# the wall time to the millisecond from the clock (time's %e has only
# hundredths, a sixth of a no-op run), the peak memory from time.
t() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/t" "$@" >/dev/null 2>&1 || { echo "failed: $*"; exit 1; }
  end=$(date +%s%N)
  echo "$(echo "scale=3; ($end-$start)/1000000000" | bc) $(cat "$work/t")" >> "$OUT"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

: > "$work/cold" ; : > "$work/cp" ; : > "$work/noop"
# Nothing is deleted until the end: on a disk mounted with online discard,
# deleting thousands of files makes the next few seconds of writes slower,
# which would bias whichever command runs next. Each timed step starts after
# a sync and a short pause, so none pays for the previous one's writeback.
settle() { sync; sleep 1; }
for r in $(seq "$RUNS"); do
  settle
  OUT=$work/cold t "$pp" generate --partners "$work/partners" --out "$work/out$r"
  settle
  OUT=$work/cp t cp -r "$work/out$r" "$work/copy$r"
  settle
  touch "$work/marker"; sleep 1
  OUT=$work/noop t "$pp" generate --partners "$work/partners" --out "$work/out$r"
  rewritten=$(find "$work/out$r" -type f -name '*.md' -newer "$work/marker" | wc -l)
  if [ "$rewritten" -ne 0 ]; then echo "no-op run rewrote $rewritten pages"; exit 1; fi
done
pages=$(find "$work/out1" -name '*.md' | wc -l)
cold=$(cut -d' ' -f1 "$work/cold" | median); cp_=$(cut -d' ' -f1 "$work/cp" | median); noop=$(cut -d' ' -f1 "$work/noop" | median)
coldmem=$(cut -d' ' -f2 "$work/cold" | sort -n | tail -1); noopmem=$(cut -d' ' -f2 "$work/noop" | sort -n | tail -1)
echo "partners: $N, pages: $pages, runs: $RUNS (medians; every run's no-op rewrote 0 pages)"
echo "cold generate: ${cold}s   cp -r: ${cp_}s   ratio: $(echo "scale=2; $cold/$cp_" | bc)   (guard at 5,000 partners: <= 3.5)"
echo "no-op generate: ${noop}s   ratio to cp -r: $(echo "scale=2; $noop/$cp_" | bc)"
echo "peak memory: cold $((coldmem/1024)) MiB, no-op $((noopmem/1024)) MiB"
# Each run's cold and cp -r ran back to back, so their ratio cancels out the
# machine's slow and fast periods; report the median of those ratios too.
paired=$(paste -d' ' <(cut -d' ' -f1 "$work/cold") <(cut -d' ' -f1 "$work/cp") | awk '{printf "%.3f\n", $1/$2}' | median)
pairednoop=$(paste -d' ' <(cut -d' ' -f1 "$work/noop") <(cut -d' ' -f1 "$work/cp") | awk '{printf "%.3f\n", $1/$2}' | median)
echo "median of per-run ratios: cold/cp $paired, no-op/cp $pairednoop"
echo "runs (s): cold $(cut -d' ' -f1 "$work/cold" | tr '\n' ' ')| cp $(cut -d' ' -f1 "$work/cp" | tr '\n' ' ')| no-op $(cut -d' ' -f1 "$work/noop" | tr '\n' ' ')"

[ "${SCAFFOLDERS:-0}" = 1 ] || exit 0

# One-page-per-process scaffolders, on the same page (one of ours as the template body).
per_pp=$(echo "scale=6; $cold/$pages" | bc)
# (head closes the pipe early; with pipefail that would end the script)
sample=$(find "$work/out1" -name connect-hubrise.md -print -quit)
slugs=$(ls "$work/out1" | awk -v n="$PAGES" 'NR <= n')

mkdir -p "$work/hygen/_templates/page/new" "$work/hyout"
{ printf -- '---\nto: <%%= slug %%>/en/connect-hubrise.md\n---\n'; sed 's/Partner [0-9]*/<%= name %>/g' "$sample"; } > "$work/hygen/_templates/page/new/page.ejs.t"
if (cd "$work/hygen" && npm install --no-audit --no-fund --loglevel=error hygen@6 >/dev/null 2>&1); then
  start=$(date +%s.%N)
  for s in $slugs; do
    (cd "$work/hyout" && HYGEN_TMPLS="$work/hygen/_templates" "$work/hygen/node_modules/.bin/hygen" page new --slug "$s" --name "$s" >/dev/null)
  done
  hy=$(echo "scale=6; ($(date +%s.%N)-$start)/$PAGES" | bc)
  echo "hygen: ${hy}s per page vs partnerpages ${per_pp}s per page: $(echo "scale=0; $hy/$per_pp" | bc)x slower"
else
  echo "hygen: skipped (npm install hygen failed)"
fi

if ! command -v cookiecutter >/dev/null; then
  { apt-get install -y -qq cookiecutter >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq cookiecutter >/dev/null 2>&1; }; } || true
fi
if command -v cookiecutter >/dev/null; then
  cc="$work/cc/page"; mkdir -p "$cc/{{cookiecutter.slug}}/en" "$work/ccout"
  echo '{"slug": "x", "name": "X"}' > "$cc/cookiecutter.json"
  # Jinja reads "{#" (our heading ids) as a comment: print it as a string
  sed -e 's/{#/{{ "{#" }}/g' -e 's/Partner [0-9]*/{{cookiecutter.name}}/g' "$sample" > "$cc/{{cookiecutter.slug}}/en/connect-hubrise.md"
  start=$(date +%s.%N)
  for s in $slugs; do
    cookiecutter --no-input -f -o "$work/ccout" "$cc" slug="$s" name="$s" >/dev/null
  done
  ck=$(echo "scale=6; ($(date +%s.%N)-$start)/$PAGES" | bc)
  echo "cookiecutter: ${ck}s per page vs partnerpages ${per_pp}s per page: $(echo "scale=0; $ck/$per_pp" | bc)x slower"
else
  echo "cookiecutter: skipped (not installable)"
fi
