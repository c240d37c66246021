#!/usr/bin/env bash
# Rewrites each program's go.mod and go.sum from versions.env. Run it after
# changing a version there, then commit the result.
#   ./pin.sh                    every program
#   ./pin.sh kwok argo-rollouts only these
set -euo pipefail
cd "$(dirname "$0")"
source ./versions.env

# k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them
# with its own folders; outside its tree each must be replaced by the published
# module of the same release (v1.X.Y -> v0.X.Y).
staging_replaces() {
  local kubernetes_version=$1 staging_version="v0.${1#v1.}"
  go mod download -json "k8s.io/kubernetes@$kubernetes_version" >/dev/null
  local upstream_mod
  upstream_mod=$(go env GOMODCACHE)/cache/download/k8s.io/kubernetes/@v/$kubernetes_version.mod
  grep -E '^\s+k8s.io/[a-z0-9-]+ => ./staging/' "$upstream_mod" | awk -v v="$staging_version" '{ print "replace " $1 " => " $1 " " v }'
}

# replace directives apply only in the main module, so a module that builds an
# upstream program must repeat that program's module's replaces. Those that
# point into upstream's own tree (./ ../ /) cannot be repeated and are dropped.
upstream_replaces() {
  local module=$1 version=$2 upstream_mod
  upstream_mod=$(go mod download -json "$module@$version" | sed -n 's/^\t"GoMod": "\(.*\)",$/\1/p')
  awk '
    /^replace[ \t]*\(/ { block = 1; next }
    block && /^\)/ { block = 0; next }
    block || /^replace[ \t]/ {
      sub(/^replace[ \t]+/, ""); sub(/[ \t]*\/\/.*/, ""); sub(/^[ \t]+/, "")
      if ($0 != "") print "replace " $0
    }
  ' "$upstream_mod" | grep -Ev '=> *(\./|\.\./|/)' || true
}

pin_module() {
  local dir=$1 module=$2; shift 2
  (
    cd "$dir"
    printf 'module %s\n\ngo 1.26.0\n' "$module" > go.mod
    rm -f go.sum
    if [[ -n "${REPLACES:-}" ]]; then printf '\n%s\n' "$REPLACES" >> go.mod; fi
    go get "$@"
    go mod tidy
  )
}

pin_kube() {
  REPLACES=$(staging_replaces "$KUBERNETES_VERSION") \
    pin_module kube meschain.local/real-cluster/kube "k8s.io/kubernetes@$KUBERNETES_VERSION"
}

# kwok and argo-rollouts build upstream's own main package, recorded with a
# tool directive, so their flags are exactly upstream's.
pin_kwok() {
  REPLACES=$(upstream_replaces sigs.k8s.io/kwok "$KWOK_VERSION") \
    pin_module kwok meschain.local/real-cluster/kwok -tool "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
}

pin_argo_rollouts() {
  REPLACES=$(upstream_replaces github.com/argoproj/argo-rollouts "$ARGO_ROLLOUTS_VERSION") \
    pin_module argo-rollouts meschain.local/real-cluster/argo-rollouts \
    -tool "github.com/argoproj/argo-rollouts/cmd/rollouts-controller@$ARGO_ROLLOUTS_VERSION"
}

programs=("$@")
if [[ ${#programs[@]} -eq 0 ]]; then programs=(kube kwok argo-rollouts); fi
for program in "${programs[@]}"; do
  case "$program" in
    kube) pin_kube ;;
    kwok) pin_kwok ;;
    argo-rollouts) pin_argo_rollouts ;;
    *) echo "pin.sh: unknown program '$program' (kube, kwok, argo-rollouts)" >&2; exit 2 ;;
  esac
done
