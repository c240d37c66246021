import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFleet } from './cluster/fleet';
import { startSandbox } from './server';

/** Simulated time run before serving, so that pods are up when the first client looks. */
const WARM_UP_MS = 60_000;

const USAGE = `Usage: kube-sandbox [options]

  --port N            port to listen on (default 8090; 0 picks a free one)
  --host ADDRESS      address to listen on (default 127.0.0.1)
  --fleet FILE        fleet file (default: the package's fleet/default.yaml)
  --kubeconfig PATH   write a kubeconfig with one context per cluster
  --speed N           simulated seconds per real second (default 1)
  --seed N            random seed (default 1)
  --admin-token T     bearer token of the /_sandbox admin endpoints (default: random, printed)
  --help              show this text
`;

/** Runs the sandbox until SIGINT or SIGTERM. */
export async function main(
  argv: string[] = process.argv.slice(2),
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8090' },
      host: { type: 'string', default: '127.0.0.1' },
      fleet: { type: 'string' },
      kubeconfig: { type: 'string' },
      speed: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      'admin-token': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = integerOption('port', values.port);
  const seed = integerOption('seed', values.seed);
  const speed = Number(values.speed);
  if (!(speed >= 0))
    throw new Error(`--speed must be a number >= 0, got "${values.speed}"`);

  // `yarn sandbox` runs in this package's directory; relative paths are meant from the repository root.
  const cwd = process.env.PROJECT_CWD ?? process.cwd();
  const sandbox = await startSandbox({
    fleet: values.fleet ? loadFleet(resolve(cwd, values.fleet)) : loadFleet(),
    port,
    host: values.host,
    seed,
    speed,
    // Start one warm-up before the wall clock, so that the clock reads the wall clock once it
    // serves: kubectl's client-side ages and a UI's pause countdowns then read sensibly.
    startTime: Math.floor(Date.now() / 1000) * 1000 - WARM_UP_MS,
    warmUpMs: WARM_UP_MS,
    adminToken: values['admin-token'] ?? process.env.KUBE_SANDBOX_ADMIN_TOKEN,
  });

  const lines = [
    `kube-sandbox listening on ${sandbox.url} (speed ×${speed}, seed ${seed})`,
  ];
  for (const cluster of sandbox.clusters.values()) {
    lines.push(
      `  ${cluster.name.padEnd(14)} ${cluster.role.padEnd(
        8,
      )} ${sandbox.clusterUrl(cluster.name)}`,
    );
  }
  if (values.kubeconfig) {
    const path = resolve(cwd, values.kubeconfig);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, sandbox.kubeconfig(), { mode: 0o600 });
    lines.push(
      `kubeconfig written to ${path}; try: kubectl --kubeconfig ${path} --context eu-west get deploy -A`,
    );
  }
  lines.push(`admin token: ${sandbox.adminToken}`);
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function integerOption(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}
