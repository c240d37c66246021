/**
 * The scale-out setup for a benchmark: the one already running (its cluster.env's settings in
 * the environment, SCALE_OUT_URL set), or one started here with scripts/start-cluster.sh and
 * stopped at the end.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type ScaleOutCluster = {
  url: string;
  replicaUrls: string[];
  runDir: string;
  stop(): Promise<void>;
};

function parseEnvFile(path: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter(line => line.includes('='))
      .map(line => [
        line.slice(0, line.indexOf('=')),
        line.slice(line.indexOf('=') + 1),
      ]),
  );
}

export async function scaleOutCluster(options: {
  replicas: number;
}): Promise<ScaleOutCluster> {
  const running = process.env.SCALE_OUT_URL;
  if (running) {
    return {
      url: running,
      replicaUrls: (process.env.SCALE_OUT_REPLICA_URLS ?? running).split(','),
      runDir: process.env.SCALE_OUT_RUN_DIR ?? '',
      stop: async () => {},
    };
  }
  const runDir = mkdtempSync(join(tmpdir(), 'scale-out-'));
  const script = resolve(__dirname, '../../scripts/start-cluster.sh');
  const child = spawn(
    script,
    [
      '--replicas',
      String(options.replicas),
      '--run-dir',
      runDir,
      '--no-monitoring',
      '--port-base',
      '7600',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const exited = new Promise<void>(done => child.once('exit', () => done()));
  const envFile = join(runDir, 'cluster.env');
  const deadline = Date.now() + 10 * 60_000;
  while (!existsSync(envFile)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`scripts/start-cluster.sh did not start; see ${runDir}`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  const env = parseEnvFile(envFile);
  return {
    url: env.SCALE_OUT_URL,
    replicaUrls: env.SCALE_OUT_REPLICA_URLS.split(','),
    runDir,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A replica's process id, from the pid file the start script writes. */
export function replicaPid(runDir: string, replica: number): string {
  return readFileSync(join(runDir, `replica-${replica}.pid`), 'utf8').trim();
}

/** A replica's resident memory in MiB, from its pid file. */
export function replicaRssMiB(runDir: string, replica: number): number {
  const status = readFileSync(
    `/proc/${replicaPid(runDir, replica)}/status`,
    'utf8',
  );
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
  return Math.round(kb / 1024);
}

/** Linux reports a process's CPU times in ticks of 1/100 s (USER_HZ) to user space. */
const TICKS_PER_MS = 100 / 1000;

/** The CPU time all of a replica's threads have used so far, in ms. */
export function replicaCpuMs(runDir: string, replica: number): number {
  const stat = readFileSync(
    `/proc/${replicaPid(runDir, replica)}/stat`,
    'utf8',
  );
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [fields[11], fields[12]].map(Number);
  return (utime + stime) / TICKS_PER_MS;
}
