#!/usr/bin/env bash
# Starts the portal as adopters run it in production, scaled out on this machine: two (or
# three) backend replicas on one PostgreSQL, the Backstage cache on Redis, nginx in front
# load-balancing the replicas (which serve the built frontend, packages/app/dist), and the
# kube-sandbox's clusters with Prometheus and Alertmanager watching them, as scripts/start.sh.
# Everything runs on its own ports (from --port-base, default 7400), with its own PostgreSQL
# cluster, so it runs beside the local portal. A replica that dies is started again, as an
# orchestrator would. Ctrl-C (or SIGTERM) stops it all.
#
#   scripts/start-cluster.sh [--replicas 2|3] [--port-base N] [--run-dir DIR] [--no-monitoring]
#
# Once ready it prints the load balancer's URL and writes DIR/cluster.env, which the
# reliability tests and `yarn bench:load` read (see docs/reliability.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

replicas=2
port_base=7400
run_dir=""
monitoring=true
while (($# > 0)); do
  case "$1" in
    --replicas) replicas="$2"; shift 2 ;;
    --port-base) port_base="$2"; shift 2 ;;
    --run-dir) run_dir="$2"; shift 2 ;;
    --no-monitoring) monitoring=false; shift ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done
run_dir="${run_dir:-$REPO_ROOT/.data/scale-out}"

lb_port=$port_base
sandbox_port=$((port_base + 10))
postgres_port=$((port_base + 32))
redis_port=$((port_base + 79))
prometheus_port=$((port_base + 90))
alertmanager_port=$((port_base + 93))
replica_port() { echo $((port_base + $1)); }

lb_url="http://127.0.0.1:$lb_port"
sandbox_url="http://127.0.0.1:$sandbox_port"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
random_token() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

rm -rf "$run_dir"
mkdir -p "$run_dir"
pids=()
stopping=false

# Stops process groups: TERM, then KILL whatever has not exited within 15 s. A replica's
# graceful shutdown can hang on a database or bus that is already gone.
stop_groups() {
  (($# > 0)) || return 0
  for pid in "$@"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for _ in $(seq 30); do
    local alive=false
    for pid in "$@"; do
      kill -0 "$pid" 2>/dev/null && alive=true
    done
    $alive || return 0
    sleep 0.5
  done
  for pid in "$@"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}

teardown() {
  stopping=true
  # Supervisors first, so that no replica is started again.
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  local replica_pids=()
  for i in $(seq "$replicas"); do
    [[ -f "$run_dir/replica-$i.pid" ]] && replica_pids+=("$(cat "$run_dir/replica-$i.pid")")
  done
  stop_groups "${replica_pids[@]}"
  [[ -f "$run_dir/nginx.pid" ]] && kill -TERM "$(cat "$run_dir/nginx.pid")" 2>/dev/null || true
  # Tests may have stopped and started these themselves; their ports say whether they still run.
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$run_dir/postgres" stop -m immediate >/dev/null 2>&1 || true
  wait 2>/dev/null || true
}
trap teardown EXIT
trap 'exit 130' INT TERM

# Starts a command in its own process group, so that stopping it stops its children too.
background() {
  local log="$1"
  shift
  setsid "$@" >>"$log" 2>&1 &
  pids+=($!)
}

# Waits until the URL answers; with a fourth argument, any HTTP status will do.
wait_for() {
  local what="$1" url="$2" seconds="$3" any="${4:-}" status
  for _ in $(seq "$seconds"); do
    status="$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null || true)"
    [[ "$status" == 200 || (-n "$any" && "$status" != 000) ]] && return 0
    sleep 1
  done
  echo "$what did not answer at $url within $seconds s; its log is in $run_dir" >&2
  exit 1
}

start_postgres() {
  local data="$run_dir/postgres"
  mkdir -p "$data"
  chown postgres "$run_dir" "$data"
  runuser -u postgres -- "$pg_bin/initdb" -D "$data" -U postgres --auth=trust >"$run_dir/initdb.log"
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$data" -l "$run_dir/postgres.log" -w \
    -o "-p $postgres_port -k $data -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
}

start_redis() {
  background "$run_dir/redis.log" redis-server --port "$redis_port" --bind 127.0.0.1 \
    --save '' --appendonly no --dir "$run_dir"
  for _ in $(seq 20); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "Redis did not start; see $run_dir/redis.log" >&2
  exit 1
}

start_sandbox() {
  background "$run_dir/sandbox.log" node --max-semi-space-size=4 packages/kube-sandbox/bin/kube-sandbox \
    --port "$sandbox_port" --admin-token "$sandbox_admin_token" --kubeconfig "$run_dir/kubeconfig.yaml"
  wait_for "The kube-sandbox" "$sandbox_url/clusters/us-east/version" 60 any
}

start_monitoring() {
  background "$run_dir/monitoring.log" node packages/kube-sandbox/bin/monitoring \
    --sandbox "$sandbox_url" --prometheus-port "$prometheus_port" \
    --alertmanager-port "$alertmanager_port" --data "$run_dir/monitoring" \
    --rules "$run_dir/rules" --webhook "$lb_url/api/scaling/alerts/webhook"
}

# A replica runs the backend's sources through the CLI's transform, as `yarn start` does but
# without its file watching. It is started again when it exits, until the setup stops. It runs
# with the image's Node options (packages/backend/Dockerfile): a larger young generation, which
# a replica under load otherwise collects many times a second.
supervise_replica() {
  local i="$1" port
  port="$(replica_port "$i")"
  while ! $stopping; do
    (
      cd packages/backend
      NODE_ENV=production APP_CONFIG_backend_listen_port="$port" \
        exec setsid node --max-semi-space-size=64 -r @backstage/cli/config/nodeTransform.cjs src/index.ts \
        --config ../../app-config.yaml --config ../../tools/scale-out/app-config.scale-out.yaml
    ) >>"$run_dir/replica-$i.log" 2>&1 &
    echo $! >"$run_dir/replica-$i.pid"
    wait $! || true
    $stopping || echo "replica $i exited; starting it again" >>"$run_dir/replica-$i.log"
    sleep 1
  done
}

start_nginx() {
  local servers=""
  for i in $(seq "$replicas"); do
    servers+="    server 127.0.0.1:$(replica_port "$i") max_fails=1 fail_timeout=5s;"$'\n'
  done
  local conf="$run_dir/nginx.conf"
  sed -e "s#@RUN_DIR@#$run_dir#g" -e "s#@PORT@#$lb_port#g" tools/scale-out/nginx.conf.template |
    awk -v servers="$servers" '{ if ($0 == "@UPSTREAM_SERVERS@") printf "%s", servers; else print }' >"$conf"
  background "$run_dir/nginx.log" nginx -c "$conf" -p "$run_dir" -g 'daemon off;'
}

sandbox_admin_token="$(random_token)"
export SCALE_OUT_URL="$lb_url"
export SCALE_OUT_SANDBOX_URL="$sandbox_url"
export SCALE_OUT_POSTGRES_PORT="$postgres_port"
export SCALE_OUT_REDIS_URL="redis://127.0.0.1:$redis_port"
export SCALE_OUT_PROMETHEUS_URL="http://127.0.0.1:$prometheus_port"
export SCALE_OUT_ALERTMANAGER_URL="http://127.0.0.1:$alertmanager_port"
export SCALE_OUT_RULE_DIRECTORY="$run_dir/rules"
export SCALE_OUT_SERVICE_TOKEN="${SCALE_OUT_SERVICE_TOKEN:-$(random_token)}"
export SCALE_OUT_COST_INGESTION_SECONDS="${SCALE_OUT_COST_INGESTION_SECONDS:-20}"
export ALERTMANAGER_WEBHOOK_TOKEN="${ALERTMANAGER_WEBHOOK_TOKEN:-local-alertmanager-webhook-token}"
mkdir -p "$run_dir/rules"

step "start PostgreSQL on port $postgres_port" start_postgres
step "start Redis on port $redis_port" start_redis
step "start the kube-sandbox on port $sandbox_port" start_sandbox
if $monitoring; then
  step "start Prometheus and Alertmanager" start_monitoring
fi
replica_urls=()
for i in $(seq "$replicas"); do
  replica_urls+=("http://127.0.0.1:$(replica_port "$i")")
done
step "start nginx on port $lb_port" start_nginx
# The first replica migrates every plugin's database alone: knex does not wait for another
# process's migration lock but fails, as a rolling deployment's first pod would avoid too.
start_replica() {
  supervise_replica "$1" &
  pids+=($!)
  wait_for "Backend replica $1" "${replica_urls[$1 - 1]}/.backstage/health/v1/readiness" 300
}
step "start backend replica 1 (migrates the databases)" start_replica 1
start_other_replicas() {
  for i in $(seq 2 "$replicas"); do
    supervise_replica "$i" &
    pids+=($!)
  done
  for i in $(seq 2 "$replicas"); do
    wait_for "Backend replica $i" "${replica_urls[$i - 1]}/.backstage/health/v1/readiness" 300
  done
}
step "start the other $((replicas - 1)) replica(s)" start_other_replicas

cat >"$run_dir/cluster.env" <<ENV
SCALE_OUT_URL=$lb_url
SCALE_OUT_REPLICA_URLS=$(IFS=,; echo "${replica_urls[*]}")
SCALE_OUT_RUN_DIR=$run_dir
SCALE_OUT_SERVICE_TOKEN=$SCALE_OUT_SERVICE_TOKEN
SCALE_OUT_SANDBOX_URL=$sandbox_url
SCALE_OUT_SANDBOX_ADMIN_TOKEN=$sandbox_admin_token
SCALE_OUT_KUBECONFIG=$run_dir/kubeconfig.yaml
SCALE_OUT_POSTGRES_URL=postgresql://postgres:postgres@127.0.0.1:$postgres_port
SCALE_OUT_POSTGRES_DATA=$run_dir/postgres
SCALE_OUT_POSTGRES_BIN=$pg_bin
SCALE_OUT_REDIS_PORT=$redis_port
ENV
echo "==> the portal is at $lb_url ($replicas replicas); settings for the tests in $run_dir/cluster.env"
wait
