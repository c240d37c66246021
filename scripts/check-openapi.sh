#!/usr/bin/env bash
# Lints the scaling backend's OpenAPI spec, then generates its router types and
# client again and fails when the committed ones differ: the spec is the source.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

generated=(
  plugins/scaling-backend/src/schema/openapi
  plugins/scaling-common/src/schema/openapi
)

# The generator calls `yarn` by name; this puts the committed release on PATH.
shim="$(mktemp -d)"
trap 'rm -rf "$shim"' EXIT
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$YARN_RELEASE" >"$shim/yarn"
chmod +x "$shim/yarn"
export PATH="$shim:$PATH"

backend=@meschain/backstage-plugin-scaling-backend
step "lint the OpenAPI spec" \
  yarn workspace "$backend" backstage-repo-tools repo schema openapi lint
step "generate the router types and client" \
  yarn workspace "$backend" generate:openapi
if ! git diff --exit-code --stat -- "${generated[@]}" ||
  [[ -n "$(git ls-files --others --exclude-standard -- "${generated[@]}")" ]]; then
  echo "The generated OpenAPI files are stale: run" \
    "'yarn workspace $backend generate:openapi' and commit them." >&2
  exit 1
fi
