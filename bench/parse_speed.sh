#!/usr/bin/env bash
# Times `slipway parse` (and `compile`) as whole processes on the synthetic project of issue 4:
# a cold parse, a re-parse with no change, one model edited, ls, and compile. Usage: bench/parse_speed.sh [models ...]
# (SKIP_COMPILE=1 leaves compile out: it writes tens of thousands of files, which disturbs later timings)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$here" && ./mvnw -q -B -DskipTests -pl slipway-cli,bench -am package) >&2
cli="$here/slipway"
# one command first, as on any machine after its first use: the launcher records its class archive then
"$cli" ls --project-dir "$here/examples/jaffle_shop" --quiet >/dev/null
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 20000)
roots=()
for models in "${sizes[@]}"; do
  root="$(mktemp -d)"
  dir="$root/synthetic_$models"
  java -cp "$here/bench/target/benchmarks.jar" io.slipway.bench.engine.SyntheticProject "$dir" "$models" >/dev/null
  # a second copy, so that compiling from nothing needs no deletion first (deleting ~30,000 files slows
  # file creation on discard-mounted virtual disks for a while afterwards)
  cp -r "$dir" "$root/fresh"
  sync; sleep 3   # let the freshly written project reach the disk first: a user's project is not being written
  t() { local s=$(date +%s%N); "$@" >/dev/null; local ms=$(( ($(date +%s%N) - s) / 1000000 )); printf '%d.%03d' $((ms / 1000)) $((ms % 1000)); }
  echo "$models models, $((2 * models)) tests, $(nproc) cores:"
  echo "  parse (first):                $(t $cli parse --project-dir "$dir") s"
  echo "  parse (no change):            $(t $cli parse --project-dir "$dir") s"
  echo "-- edited" >> "$dir/models/layer_5/l5_m7.sql"
  echo "  parse (one model edited):     $(t $cli parse --project-dir "$dir") s"
  echo "# edited" >> "$dir/models/layer_5/schema.yml"
  echo "  parse (one schema.yml edited): $(t $cli parse --project-dir "$dir") s"
  echo "  ls (no change):               $(t $cli ls --project-dir "$dir") s"
  [[ -n "${SKIP_COMPILE:-}" ]] || echo "  compile (after parse):        $(t $cli compile --project-dir "$dir") s"
  [[ -n "${SKIP_COMPILE:-}" ]] || echo "  compile (again, no change):   $(t $cli compile --project-dir "$dir") s"
  [[ -n "${SKIP_COMPILE:-}" ]] || echo "  compile (no target/ at all):  $(t $cli compile --project-dir "$root/fresh") s"
  # the disk's share of compile: creating as many small files in a plain loop, right after
  [[ -n "${SKIP_COMPILE:-}" ]] || echo "  (creating $((3 * models)) files in a plain loop, now: $(java -cp "$here/bench/target/benchmarks.jar" \
      io.slipway.bench.engine.FileCreation "$root/files" $((3 * models))) s)"
  roots+=("$root")
done
# deleted only now: mass deletions slow file creation on discard-mounted virtual disks for minutes
rm -rf "${roots[@]}"
