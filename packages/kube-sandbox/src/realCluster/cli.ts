import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFleet } from '../cluster/fleet';
import { startRealClusters } from './controlPlane';

const USAGE = `Usage: real-cluster [options]

Starts a real Kubernetes control plane per fleet cluster, built by tools/real-cluster/build.sh.

  --clusters N        how many of the fleet's clusters to start (default: all)
  --kubeconfig PATH   write a kubeconfig: <cluster> as the portal, <cluster>-admin as admin
  --fleet FILE        fleet file (default: the sandbox's fleet/default.yaml)
  --seed N            the load model's random seed (default 1)
  --data-dir DIR      certificates, etcd data and logs (default .data/real-cluster)
  --bin-dir DIR       the built programs (default tools/real-cluster/bin)
  --help              show this text
`;

/** Runs the real clusters until SIGINT or SIGTERM, like `yarn sandbox`. */
export async function main(
  argv: string[] = process.argv.slice(2),
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      clusters: { type: 'string' },
      kubeconfig: { type: 'string' },
      fleet: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'data-dir': { type: 'string', default: '.data/real-cluster' },
      'bin-dir': { type: 'string', default: 'tools/real-cluster/bin' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const clusters =
    values.clusters === undefined
      ? undefined
      : positiveInteger('clusters', values.clusters);
  // `yarn real-cluster` runs in this package's directory; relative paths are meant from the repository root.
  const cwd = process.env.PROJECT_CWD ?? process.cwd();
  const started = Date.now();
  // Until the clusters are up, a signal ends the process, and its exit handler kills what
  // had started; afterwards they are stopped in order.
  const exitOnSignal = () => process.exit(130);
  process.once('SIGINT', exitOnSignal);
  process.once('SIGTERM', exitOnSignal);
  const real = await startRealClusters({
    fleet: values.fleet ? loadFleet(resolve(cwd, values.fleet)) : loadFleet(),
    clusters,
    seed: positiveInteger('seed', values.seed),
    dataDir: resolve(cwd, values['data-dir']),
    binDir: resolve(cwd, values['bin-dir']),
  });

  const lines = [
    `real clusters ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  for (const cluster of real.clusters) {
    lines.push(
      `  ${cluster.name.padEnd(14)} ${cluster.url}  (logs: ${real.logFile(
        `${cluster.name}-kube-apiserver`,
      )})`,
    );
  }
  if (values.kubeconfig) {
    const path = resolve(cwd, values.kubeconfig);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, real.kubeconfig(), { mode: 0o600 });
    lines.push(
      `kubeconfig written to ${path}; try: kubectl --kubeconfig ${path} --context ${real.clusters[0].name} get rollouts,deploy,hpa`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = () => {
    real.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.removeListener('SIGINT', exitOnSignal);
  process.removeListener('SIGTERM', exitOnSignal);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function positiveInteger(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}
