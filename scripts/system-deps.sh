#!/usr/bin/env bash
# Installs and starts what the tests need from the operating system:
# PostgreSQL for the database tests, Chromium for the browser tests, Redis and
# nginx for the scale-out tests,
# Prometheus (and its promtool) and Alertmanager for the metrics and alert
# tests, and Java for the OpenAPI generator. kubectl comes with the machine image (Debian's kubernetes-client
# would conflict with it).
# Safe to run again; it only does what is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

missing=()
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
{ command -v promtool >/dev/null && command -v prometheus >/dev/null; } || missing+=(prometheus)
command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
# The real control plane's certificates are made with openssl.
command -v openssl >/dev/null || missing+=(openssl)
# The OpenAPI generator that checks the committed router types and client is a Java program.
command -v java >/dev/null || missing+=(default-jre-headless)
# The report tests read the PDFs back as text.
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# The scale-out setup (scripts/start-cluster.sh): the replicas' shared cache, and the load balancer.
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || missing+=(nginx-light)

install_packages() {
  if [[ $EUID -ne 0 ]]; then
    echo "Missing Debian packages: ${missing[*]}. Install them as root." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

start_postgres() {
  local version
  version="$(pg_lsclusters --no-header | awk 'NR == 1 { print $1 }')"
  if [[ -z "$version" ]]; then
    echo "PostgreSQL is installed but has no cluster." >&2
    exit 1
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
  # The tests connect as postgres/postgres over TCP, as TestDatabases expects.
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
}

if ((${#missing[@]} > 0)); then
  step "install ${missing[*]}" install_packages
fi
step "start PostgreSQL" start_postgres
