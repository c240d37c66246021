/**
 * Faults of the scale-out setup (scripts/start-cluster.sh), each with what must hold: a replica
 * killed in the middle of a write, PostgreSQL restarted, Redis down, and every fault mode of
 * the sandbox's clusters during writes and during cost ingestion.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { callApi, eventually, guestToken } from './portalApi';
import { readScaleOutEnv, required } from './scaleOutEnv';
import { SandboxFault, scaleOutSetup } from './scaleOutSetup';
import {
  addProbeDeployment,
  currentWorkload,
  entityPath,
  ProbeDeployment,
  scaleRequest,
} from './workloads';

const env = readScaleOutEnv();
const setup = scaleOutSetup(env);
const SERVICE = 'logging-service';
const sandboxUrl = required(env.sandboxUrl, 'SCALE_OUT_SANDBOX_URL');
/** The sandbox's faults, named as its admin API names them, each on a cluster of its own. */
const FAULTS: Array<{ region: string; fault: SandboxFault }> = [
  { region: 'us-east', fault: { mode: 'down' } },
  // Longer than the suite's cluster timeout (10 s in the scale-out config), so that it gives up.
  { region: 'eu-west', fault: { mode: 'slow', delayMs: 15_000 } },
  { region: 'ap-southeast', fault: { mode: 'error500' } },
  { region: 'tr-central', fault: { mode: 'forbidden' } },
];

describe('faults', () => {
  let token: string;
  const probes = new Map<string, ProbeDeployment>();

  before(async () => {
    token = await guestToken(env.url);
    for (const { region } of FAULTS) {
      probes.set(
        region,
        await addProbeDeployment({ sandboxUrl, region, service: SERVICE }),
      );
    }
  });

  after(async () => {
    for (const { region } of FAULTS) {
      await setup
        .setClusterFault(region, { mode: 'none' })
        .catch(() => undefined);
    }
    await Promise.all([...probes.values()].map(probe => probe.remove()));
  });

  const read = (url: string, probe: ProbeDeployment) =>
    currentWorkload(
      url,
      SERVICE,
      { cluster: probe.cluster, workload: probe },
      token,
    );

  /**
   * The newest audited write of a probe since `since`, as the service's history shows it. A
   * write refused before it reached the workload names only the cluster.
   */
  async function lastAttempt(
    probe: ProbeDeployment,
    since: number,
    action = 'replicas.scale',
  ) {
    const history = await callApi(env.url, `${entityPath(SERVICE)}/history`, {
      token,
    });
    assert.equal(history.status, 200, JSON.stringify(history.body));
    return history.body.events.find(
      (e: any) =>
        e.action === action &&
        e.cluster === probe.cluster &&
        (e.workload === undefined || e.workload.name === probe.name) &&
        Date.parse(e.time) >= since,
    );
  }

  /**
   * Sends a write straight to replica 1, kills that replica while the cluster holds the
   * write's call, and waits for the attempt to be marked interrupted, agreeing with the cluster.
   */
  async function killMidWrite(
    action: string,
    path: string,
    body: (probe: ProbeDeployment, loaded: any) => unknown,
  ) {
    const probe = probes.get('us-east')!;
    const loaded = await read(env.url, probe);
    const since = Date.now();
    await setup.setClusterFault('us-east', { mode: 'slow', delayMs: 3000 });
    try {
      const write = callApi(
        env.replicaUrls[0],
        `${entityPath(SERVICE)}${path}`,
        { token, body: body(probe, loaded) },
      );
      // Read from the database: through the API, the answer could come after the write's.
      await eventually(
        'the attempt to be recorded as pending',
        async () => {
          const rows = await setup.sql(
            'meschain_scale_out_scaling',
            `select id from scaling_audit_events where outcome = 'pending' and action = '${action}' and workload like '%/${
              probe.name
            }' and started_at >= to_timestamp(${since / 1000})`,
          );
          return rows.length > 0 ? rows : undefined;
        },
        // A rollout action reads the workload and its rollout first, each call held 3 s.
        30_000,
        100,
      );
      setup.killReplica(1);
      await assert.rejects(write, 'the request dies with its replica');
    } finally {
      await setup.setClusterFault('us-east', { mode: 'none' });
    }
    // The audit table itself: other tests' writes may push the row out of the history's page.
    const [marked] = await eventually(
      'the interrupted attempt to be marked',
      async () => {
        const rows = await setup.sql(
          'meschain_scale_out_scaling',
          `select outcome, error, after from scaling_audit_events where action = '${action}' and workload = 'deployment/${
            probe.name
          }' and started_at >= to_timestamp(${
            since / 1000
          }) and error like 'Interrupted:%'`,
        );
        return rows.length > 0 ? rows : undefined;
      },
      90_000,
      2000,
    );
    const [outcome, note, observed] = marked;
    assert.equal(outcome, 'pending', 'its outcome stays unknown');
    assert.match(
      note,
      /whether it was applied is unknown; the cluster shows \d+ replicas now/,
    );
    assert.deepEqual(
      JSON.parse(observed),
      { replicas: await probe.replicas() },
      'the audit row agrees with the cluster',
    );
    await setup.waitForReplica(1);
  }

  test('each fault of a cluster during a write: a clear error, the attempt audited as failed, the cluster unchanged', async () => {
    for (const { region, fault } of FAULTS) {
      const probe = probes.get(region)!;
      const loaded = await read(env.url, probe);
      const since = Date.now();
      await setup.setClusterFault(region, fault);
      let answer;
      try {
        answer = await callApi(env.url, `${entityPath(SERVICE)}/scale`, {
          token,
          body: scaleRequest(
            probe,
            loaded.replicas.desired + 1,
            loaded.resourceVersion,
          ),
        });
      } finally {
        await setup.setClusterFault(region, { mode: 'none' });
      }
      assert.ok(
        answer.status >= 400 && answer.status !== 500,
        `${fault.mode}: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
      assert.match(
        answer.body.error.message,
        new RegExp(`meschain-${region}`),
        `${fault.mode}: the error names the cluster`,
      );
      if (fault.mode !== 'slow') {
        assert.equal(
          await probe.replicas(),
          loaded.replicas.desired,
          `${fault.mode}: the cluster is unchanged`,
        );
      }
      const attempt = await lastAttempt(probe, since);
      assert.equal(
        attempt?.outcome,
        'failed',
        `${fault.mode}: audited as failed: ${JSON.stringify(attempt)}`,
      );
      // A slow cluster may apply the write after the suite gave up: the audit says the outcome is unknown.
      if (fault.mode === 'slow') {
        assert.match(attempt.message, /did not answer within/);
      }
    }
  });

  test('each fault of a cluster during cost ingestion: its day fails with a reason, and ingestion resumes after', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const todaysRuns = async () => {
      const answer = await callApi(
        env.url,
        `/api/scaling/cost/ingestion?start=${today}&end=${tomorrow}`,
        { token },
      );
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return new Map<string, any>(
        answer.body.runs.map((run: any) => [run.region, run]),
      );
    };
    try {
      for (const { region, fault } of FAULTS)
        await setup.setClusterFault(region, fault);
      const failing = FAULTS.filter(({ fault }) => fault.mode !== 'slow');
      const failed = await eventually(
        'a run with every failing cluster failed',
        async () => {
          const runs = await todaysRuns();
          return failing.every(
            ({ region }) => runs.get(region)?.status === 'failed',
          )
            ? runs
            : undefined;
        },
        120_000,
        2000,
      );
      for (const { region, fault } of failing) {
        assert.ok(
          failed.get(region).reason,
          `${fault.mode}: the failed day says why`,
        );
      }
      // A cluster slower than the suite's cluster calls but within OpenCost's timeout (30 s) is waited for.
      assert.notEqual(
        failed.get('eu-west')?.status,
        'failed',
        'slow: ingested all the same',
      );
    } finally {
      for (const { region } of FAULTS)
        await setup.setClusterFault(region, { mode: 'none' });
    }
    await eventually(
      'a run with every cluster ingested again',
      async () => {
        const runs = await todaysRuns();
        return FAULTS.every(
          ({ region }) => runs.get(region)?.status !== 'failed',
        )
          ? runs
          : undefined;
      },
      120_000,
      2000,
    );
  });

  test('Redis down: reads stay fast, each replica caching alone with a logged warning', async () => {
    const probe = probes.get('us-east')!;
    await setup.stopRedis();
    try {
      for (const url of env.replicaUrls) {
        // The first read of each replica finds out; those after it must not wait on Redis.
        await read(url, probe);
        const started = Date.now();
        const workload = await read(url, probe);
        assert.ok(workload, 'the read answers');
        assert.ok(
          Date.now() - started < 2000,
          `a read with Redis down took ${Date.now() - started} ms`,
        );
      }
      const warned = env.replicaUrls.map((_, i) =>
        setup
          .replicaLog(i + 1)
          .some(line =>
            String(line.message).includes(
              'caching the scaling state in this replica only',
            ),
          ),
      );
      assert.deepEqual(
        warned,
        env.replicaUrls.map(() => true),
        'every replica logged the fallback',
      );
    } finally {
      await setup.startRedis();
    }
  });

  test('a replica killed in the middle of a scale: the attempt is marked interrupted, as the cluster has it', async () => {
    await killMidWrite('replicas.scale', '/scale', (probe, loaded) =>
      scaleRequest(probe, loaded.replicas.desired + 2, loaded.resourceVersion),
    );
  });

  test('a replica killed in the middle of a rollout action: the attempt is marked interrupted, as the cluster has it', async () => {
    await killMidWrite('rollout.restart', '/rollouts/actions', probe => ({
      cluster: probe.cluster,
      workload: {
        kind: 'Deployment',
        namespace: probe.namespace,
        name: probe.name,
      },
      action: 'restart',
    }));
  });

  test('PostgreSQL restarted: reads and writes succeed again', async () => {
    const probe = probes.get('ap-southeast')!;
    const since = Date.now();
    await setup.restartPostgres();
    const loaded = await eventually(
      'a read after the restart',
      () => read(env.url, probe).catch(() => undefined),
      60_000,
      1000,
    );
    const scaled = await eventually(
      'a write after the restart',
      async () => {
        const fresh = await read(env.url, probe);
        const answer = await callApi(env.url, `${entityPath(SERVICE)}/scale`, {
          token,
          body: scaleRequest(
            probe,
            loaded.replicas.desired + 1,
            fresh.resourceVersion,
          ),
        });
        return answer.status === 200 ? answer : undefined;
      },
      60_000,
      2000,
    );
    assert.equal(scaled.body.after, loaded.replicas.desired + 1);
    assert.equal(
      (await lastAttempt(probe, since))?.outcome,
      'succeeded',
      'the write is audited',
    );
  });
});
