#!/usr/bin/env bash
# Installs everything and starts the portal with its local defaults:
# the frontend on http://localhost:3000 and the backend on port 7007.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/install.sh"
exec node "$YARN_RELEASE" start
