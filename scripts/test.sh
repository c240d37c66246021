#!/usr/bin/env bash
# Runs the whole test suite: type check, lint, unit and database tests on
# SQLite and PostgreSQL against the kube-sandbox, the same cluster tests
# against a real control plane built from pinned Go modules, then the browser
# tests against a built portal. Stops at the first failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
started=$SECONDS

"$REPO_ROOT/scripts/system-deps.sh"
"$REPO_ROOT/scripts/install.sh"
"$REPO_ROOT/tools/real-cluster/build.sh"

export CI=true
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres:postgres@127.0.0.1:5432}"

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# Prints the number a runner's summary gives for passed tests, e.g. Jest's
# "Tests:       745 passed, 745 total" or Playwright's "  6 passed (50.7s)".
passed_in() {
  grep -E "$2" "$1" | tail -1 | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+'
}

"$REPO_ROOT/scripts/check-openapi.sh"
step "type check" yarn tsc
step "lint" yarn lint
step "unit and database tests" yarn test 2>&1 | tee "$logs/unit.log"
# The backend's cluster tests again, their target now a real control plane per region (the run
# above ran them against the sandbox), with the real-only checks and the differential scenarios.
# Each file starts its real clusters once.
SCALING_TEST_TARGET=real-cluster step "cluster tests against the real control plane" \
  yarn backstage-cli repo test --runInBand \
  'plugin\.(scaling|writes|rollouts|regions|cost|realCluster)\.test|differential\.test' 2>&1 | tee "$logs/real.log"
step "build the app" yarn workspace app build
step "browser tests" yarn test:e2e 2>&1 | tee "$logs/e2e.log"
# Two backend replicas on PostgreSQL and Redis behind nginx, serving the app just built.
step "scale-out tests" scripts/test-scale-out.sh 2>&1 | tee "$logs/scale-out.log"

unit=$(passed_in "$logs/unit.log" '^Tests: ')
real=$(passed_in "$logs/real.log" '^Tests: ')
browser=$(passed_in "$logs/e2e.log" '^ +[0-9]+ passed')
# Node's test runner closes with "# pass 12".
scale_out=$(grep -E '^# pass [0-9]+' "$logs/scale-out.log" | tail -1 | grep -oE '[0-9]+')
echo "==> all tests passed in $((SECONDS - started)) s; screenshots are in e2e-screenshots/"
echo "tests: $((unit + real + browser + scale_out)) passed, 0 failed"
