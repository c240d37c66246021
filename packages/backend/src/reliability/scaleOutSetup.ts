import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from './portalApi';
import { required, ScaleOutEnv } from './scaleOutEnv';

const run = promisify(execFile);

/** The faults the kube-sandbox injects into one cluster (packages/kube-sandbox/src/faults.ts). */
export type SandboxFault =
  | { mode: 'none' }
  | { mode: 'down' | 'error500' | 'forbidden' }
  | { mode: 'slow'; delayMs: number };

/** Acts on the parts of the scale-out setup, as an operator or an outage would. */
export function scaleOutSetup(env: ScaleOutEnv) {
  const runDir = () => required(env.runDir, 'SCALE_OUT_RUN_DIR');

  async function ready(url: string) {
    const response = await fetch(`${url}/.backstage/health/v1/readiness`);
    return response.ok ? true : undefined;
  }

  return {
    /** Kills replica `n` (from 1) at once, as a node failure would; the setup starts it again. */
    killReplica(n: number) {
      const pid = Number(
        readFileSync(join(runDir(), `replica-${n}.pid`), 'utf8').trim(),
      );
      process.kill(-pid, 'SIGKILL');
      return pid;
    },

    /** Waits until replica `n` answers its readiness check, e.g. after it was started again. */
    waitForReplica(n: number, timeoutMs = 240_000) {
      const url = env.replicaUrls[n - 1];
      return eventually(
        `replica ${n} at ${url} to be ready`,
        () => ready(url),
        timeoutMs,
        1000,
      );
    },

    /** The lines replica `n` has logged so far, parsed from its JSON log. */
    replicaLog(n: number): Array<Record<string, any>> {
      return readFileSync(join(runDir(), `replica-${n}.log`), 'utf8')
        .split('\n')
        .filter(line => line.startsWith('{'))
        .flatMap(line => {
          try {
            return [JSON.parse(line)];
          } catch {
            return [];
          }
        });
    },

    async stopRedis() {
      const port = required(env.redisPort, 'SCALE_OUT_REDIS_PORT');
      await run('redis-cli', ['-p', String(port), 'shutdown', 'nosave']).catch(
        () => undefined,
      );
    },

    /** Starts Redis again, empty, on its port; the setup's teardown stops it. */
    async startRedis() {
      const port = required(env.redisPort, 'SCALE_OUT_REDIS_PORT');
      await run('redis-server', [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        runDir(),
        '--daemonize',
        'yes',
        '--logfile',
        join(runDir(), 'redis.log'),
      ]);
      await eventually(
        'Redis to answer',
        async () =>
          (
            await run('redis-cli', ['-p', String(port), 'ping'])
          ).stdout.includes('PONG') || undefined,
        10_000,
      );
    },

    /** The keys Redis holds that match `pattern`. */
    async redisKeys(pattern: string): Promise<string[]> {
      const port = required(env.redisPort, 'SCALE_OUT_REDIS_PORT');
      const { stdout } = await run('redis-cli', [
        '-p',
        String(port),
        '--scan',
        '--pattern',
        pattern,
      ]);
      return stdout.split('\n').filter(Boolean);
    },

    /** Restarts the setup's own PostgreSQL cluster, dropping every connection. */
    async restartPostgres() {
      const { data, bin } = required(
        env.postgres,
        'SCALE_OUT_POSTGRES_DATA and _BIN',
      );
      await run('runuser', [
        '-u',
        'postgres',
        '--',
        join(bin, 'pg_ctl'),
        '-D',
        data,
        '-m',
        'fast',
        '-w',
        'restart',
        '-l',
        join(runDir(), 'postgres.log'),
      ]);
    },

    /** Runs SQL on one of the setup's databases, e.g. `meschain_scale_out_scaling`. */
    async sql(database: string, query: string): Promise<string[][]> {
      const { data, bin } = required(
        env.postgres,
        'SCALE_OUT_POSTGRES_DATA and _BIN',
      );
      const port = /(\d+)$/.exec(
        readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[3],
      )![1];
      const { stdout } = await run('runuser', [
        '-u',
        'postgres',
        '--',
        join(bin, 'psql'),
        '-h',
        '127.0.0.1',
        '-p',
        port,
        '-d',
        database,
        '-At',
        '-F',
        '\t',
        '-c',
        query,
      ]);
      return stdout
        .split('\n')
        .filter(Boolean)
        .map(line => line.split('\t'));
    },

    /** Makes one of the sandbox's clusters misbehave, or (`none`) behave again. */
    async setClusterFault(cluster: string, fault: SandboxFault) {
      const sandbox = required(env.sandboxUrl, 'SCALE_OUT_SANDBOX_URL');
      const response = await fetch(
        `${sandbox}/_sandbox/clusters/${cluster}/fault`,
        {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${required(
              env.sandboxAdminToken,
              'SCALE_OUT_SANDBOX_ADMIN_TOKEN',
            )}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(fault),
        },
      );
      if (!response.ok) {
        throw new Error(
          `The sandbox refused the fault ${fault.mode} of ${cluster}: ${response.status}`,
        );
      }
    },
  };
}

export type ScaleOutSetup = ReturnType<typeof scaleOutSetup>;
