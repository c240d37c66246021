#!/usr/bin/env bash
# Builds the real control plane into tools/real-cluster/bin/: kube (etcd,
# kube-apiserver, kube-controller-manager, kube-scheduler and kubectl, with a
# symlink for each), kwok with its stages under bin/kwok-stages/,
# argo-rollouts-controller, and the Argo Rollouts CRDs under
# bin/crds/argo-rollouts/. Versions come from versions.env.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
cd "$(dirname "$0")"
source ./versions.env

BIN="$PWD/bin"

# Refuses a go.mod that pin.sh has not rewritten since versions.env changed.
check_pin() {
  local dir=$1 module=$2 wanted=$3 actual
  actual=$(cd "$dir" && go list -m -f '{{.Version}}' "$module")
  if [[ "$actual" != "$wanted" ]]; then
    echo "build.sh: $dir/go.mod requires $module $actual but versions.env pins $wanted;" \
      "run tools/real-cluster/pin.sh $dir and commit its go.mod and go.sum" >&2
    exit 1
  fi
}

# True when bin/NAME is newer than what it is built from: DIR's go.mod, go.sum
# and Go files, and this script and versions.env (the build flags).
up_to_date() {
  local dir=$1 out=$2
  [[ -e "$out" ]] && [[ -z "$(find "$dir" build.sh versions.env -newer "$out" \( -name go.mod \
    -o -name go.sum -o -name '*.go' -o -name build.sh -o -name versions.env \) -print -quit)" ]]
}

# go build PACKAGE inside DIR into bin/NAME; further arguments go to go build.
build_go() {
  local dir=$1 name=$2 package=$3; shift 3
  local out="$BIN/$name"
  if up_to_date "$dir" "$out"; then
    echo "bin/$name is up to date"
    return
  fi
  # -buildvcs=false: the binaries must not change with this repository's commit.
  (cd "$dir" && go build -trimpath -buildvcs=false "$@" -o "$out" "$package")
  touch "$out" # go build leaves an unchanged binary untouched
}

link_kube_programs() {
  local program
  for program in etcd kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    ln -sfn kube "$BIN/$program"
  done
}

# The CRDs ship in the Go module (its manifests/crds), so they match the
# controller without being copied into this repository.
copy_argo_rollouts_crds() {
  local module_dir
  module_dir=$(cd argo-rollouts && go mod download github.com/argoproj/argo-rollouts &&
    go list -m -f '{{.Dir}}' github.com/argoproj/argo-rollouts)
  rm -rf "$BIN/crds/argo-rollouts"
  mkdir -p "$BIN/crds/argo-rollouts"
  cp "$module_dir"/manifests/crds/*-crd.yaml "$BIN/crds/argo-rollouts/"
  chmod u+w "$BIN"/crds/argo-rollouts/*.yaml # the module cache is read-only
}

# kwok does nothing without stages. Its module ships upstream's: nodes are
# initialised and kept Ready by heartbeats, pods turn Ready as soon as they
# are bound, and finish or go when deleted.
copy_kwok_stages() {
  local module_dir stage
  module_dir=$(cd kwok && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
  rm -rf "$BIN/kwok-stages"
  mkdir -p "$BIN/kwok-stages"
  for stage in node/fast node/heartbeat pod/fast; do
    cp "$module_dir/kustomize/stage/$stage"/*.yaml "$BIN/kwok-stages/"
  done
  rm -f "$BIN/kwok-stages/kustomization.yaml"
  chmod u+w "$BIN"/kwok-stages/*.yaml
}

check_pins() {
  check_pin kube k8s.io/kubernetes "$KUBERNETES_VERSION"
  check_pin kwok sigs.k8s.io/kwok "$KWOK_VERSION"
  check_pin argo-rollouts github.com/argoproj/argo-rollouts "$ARGO_ROLLOUTS_VERSION"
}

# Upstream's release builds stamp the version; without it the programs report
# v0.0.0-master (kubectl version, the apiserver's /version).
IFS=. read -r kube_major kube_minor _ <<<"${KUBERNETES_VERSION#v}"
kube_ldflags=""
for package in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  kube_ldflags+=" -X $package.gitVersion=$KUBERNETES_VERSION -X $package.gitMajor=$kube_major"
  kube_ldflags+=" -X $package.gitMinor=$kube_minor -X $package.gitTreeState=clean"
done

step "check go.mod pins against versions.env" check_pins
mkdir -p "$BIN"
step "build bin/kube" build_go kube kube ./cmd/kube -ldflags "$kube_ldflags"
step "link kube programs" link_kube_programs
step "build bin/kwok" build_go kwok kwok sigs.k8s.io/kwok/cmd/kwok
step "build bin/argo-rollouts-controller" build_go argo-rollouts argo-rollouts-controller \
  github.com/argoproj/argo-rollouts/cmd/rollouts-controller \
  -ldflags "-X github.com/argoproj/argo-rollouts/utils/version.version=${ARGO_ROLLOUTS_VERSION#v}"
step "copy Argo Rollouts CRDs" copy_argo_rollouts_crds
step "copy kwok stages" copy_kwok_stages
