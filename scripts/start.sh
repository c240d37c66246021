#!/usr/bin/env bash
# Installs everything and starts the portal with its local defaults: the
# kube-sandbox's clusters on port 8090, Prometheus on 9090 and Alertmanager on
# 9093 watching them, the frontend on http://localhost:3000 and the backend on
# port 7007. Ctrl-C stops them all.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/install.sh"

mkdir -p .data
yarn sandbox --port 8090 --kubeconfig .data/kubeconfig.yaml &
sandbox_pid=$!
# Scrapes every cluster of the sandbox every 5 s; the portal's alert rules are
# loaded from .data/prometheus/rules and Alertmanager notifies the backend.
yarn monitoring &
monitoring_pid=$!
trap 'kill "$sandbox_pid" "$monitoring_pid" 2>/dev/null || true' EXIT

yarn start
