#!/usr/bin/env bash
# Installs the workspace's dependencies exactly as yarn.lock pins them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

step "install dependencies" yarn install --immutable
