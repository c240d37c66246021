# Shared by the scripts in this folder: the committed Yarn, and timed steps.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
YARN_RELEASE="$REPO_ROOT/.yarn/releases/yarn-4.13.0.cjs"

# Native modules (better-sqlite3) are built against the headers that ship with
# the system Node when there are any, since node-gyp may not reach the network.
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]]; then
  export npm_config_nodedir=/usr
fi

yarn() {
  node "$YARN_RELEASE" "$@"
}

step() {
  local name="$1"
  shift
  local started=$SECONDS
  echo "==> $name"
  "$@"
  echo "==> $name: done in $((SECONDS - started)) s"
}
