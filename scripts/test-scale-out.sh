#!/usr/bin/env bash
# Starts the scale-out setup (scripts/start-cluster.sh: two backend replicas on PostgreSQL,
# Redis, nginx in front, the sandbox and monitoring) and runs the reliability tests against it:
# packages/backend/src/reliability/*.scaleout.ts, across replicas, under faults, the fuzzer and
# the permission matrix. Stops everything at the end, whatever happened. Needs the built app
# (packages/app/dist), which the replicas serve.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

run_dir="$(mktemp -d)"
scripts/start-cluster.sh --replicas 2 --run-dir "$run_dir" >"$run_dir.log" 2>&1 &
cluster_pid=$!
stop_cluster() {
  kill -TERM "$cluster_pid" 2>/dev/null || true
  wait "$cluster_pid" 2>/dev/null || true
  rm -rf "$run_dir" "$run_dir.log"
}
trap stop_cluster EXIT

for _ in $(seq 600); do
  [[ -f "$run_dir/cluster.env" ]] && break
  if ! kill -0 "$cluster_pid" 2>/dev/null; then
    cat "$run_dir.log" >&2
    tail -50 "$run_dir"/replica-*.log >&2 || true
    exit 1
  fi
  sleep 1
done
cat "$run_dir.log"
set -a
source "$run_dir/cluster.env"
set +a

# One file at a time: the fault tests stop Redis and PostgreSQL under the others.
status=0
node --experimental-websocket -r @backstage/cli/config/nodeTransform.cjs --test --test-concurrency=1 \
  packages/backend/src/reliability/*.scaleout.ts \
  packages/backend/src/reliability/__testUtils__/*.scaleout.ts || status=$?
if ((status != 0)); then
  for log in "$run_dir"/replica-*.log; do
    echo "==> the end of $(basename "$log")"
    tail -n 40 "$log" | cut -c1-400
  done
fi
exit "$status"
