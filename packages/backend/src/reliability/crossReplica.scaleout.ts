/**
 * Behaviour across the replicas of scripts/start-cluster.sh: the scheduler's locks, the shared
 * state cache and its eviction, concurrent writes, and signals published on another replica.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { callApi, eventually, guestToken } from './portalApi';
import { readScaleOutEnv, required } from './scaleOutEnv';
import { scaleOutSetup } from './scaleOutSetup';
import {
  addProbeDeployment,
  currentWorkload,
  entityPath,
  ProbeDeployment,
  scaleRequest,
} from './workloads';

const env = readScaleOutEnv();
const setup = scaleOutSetup(env);
const [first, second] = env.replicaUrls;
const SERVICE = 'logging-service';

describe('across replicas', () => {
  let token: string;
  let probe: ProbeDeployment;

  before(async () => {
    assert.ok(
      second,
      'the setup runs at least two replicas (SCALE_OUT_REPLICA_URLS)',
    );
    token = await guestToken(env.url);
    probe = await addProbeDeployment({
      sandboxUrl: required(env.sandboxUrl, 'SCALE_OUT_SANDBOX_URL'),
      region: 'us-east',
      service: SERVICE,
    });
  });

  after(async () => {
    await probe?.remove();
  });

  const read = (url: string) =>
    currentWorkload(
      url,
      SERVICE,
      { cluster: probe.cluster, workload: probe },
      token,
    );
  // The deployment controller updates a new or scaled probe's status for a while after: a
  // write sent with an older version rightly gets 409. Load the probe, as a user would before
  // scaling it, once its rollout has settled and the answer of `url` has that version.
  const readCurrent = (url: string, what: string) =>
    eventually(
      what,
      async () => {
        const live = await probe.settledVersion();
        const shown = live ? await read(url).catch(() => undefined) : undefined;
        return shown && shown.resourceVersion === live ? shown : undefined;
      },
      60_000,
    );

  test('a cluster answer cached by one replica is served by the other, and a write on either evicts it for both', async () => {
    const cached = await readCurrent(
      first,
      "the probe, as the cluster holds it, in the first replica's answer",
    );
    const fromSecond = await read(second);
    assert.equal(
      fromSecond.observedAt,
      cached.observedAt,
      'the second replica served the answer the first one cached',
    );
    // The cache service keeps each plugin's keys under its id, base64-encoded.
    const keys = (await setup.redisKeys('scaling:*')).map(key =>
      Buffer.from(key.slice('scaling:'.length), 'base64').toString('utf8'),
    );
    assert.ok(
      keys.some(
        key => key.includes('scaling-state') && key.includes(probe.cluster),
      ),
      `the answer is kept in Redis; its keys are ${keys.join(', ')}`,
    );

    const scaled = await callApi(second, `${entityPath(SERVICE)}/scale`, {
      token,
      body: scaleRequest(
        probe,
        cached.replicas.desired + 2,
        cached.resourceVersion,
      ),
    });
    assert.equal(scaled.status, 200, JSON.stringify(scaled.body));

    const afterWrite = await read(first);
    const ageMs =
      Date.parse(afterWrite.observedAt!) - Date.parse(cached.observedAt!);
    assert.equal(
      afterWrite.replicas.desired,
      cached.replicas.desired + 2,
      "the first replica shows the second one's write",
    );
    assert.ok(
      ageMs < 10_000,
      `read again within the cache's 10 s TTL (${ageMs} ms), so only the eviction explains it`,
    );
  });

  test('two replicas scaling the same workload at once: one succeeds, the other gets 409, and both are audited', async () => {
    const loaded = await readCurrent(
      env.url,
      "the cluster's current version in the portal",
    );
    const asked = [loaded.replicas.desired + 1, loaded.replicas.desired + 3];
    const answers = await Promise.all([
      callApi(first, `${entityPath(SERVICE)}/scale`, {
        token,
        body: scaleRequest(probe, asked[0], loaded.resourceVersion),
      }),
      callApi(second, `${entityPath(SERVICE)}/scale`, {
        token,
        body: scaleRequest(probe, asked[1], loaded.resourceVersion),
      }),
    ]);
    assert.deepEqual(
      answers.map(a => a.status).sort(),
      [200, 409],
      JSON.stringify(answers.map(a => a.body)),
    );
    const winner = answers.findIndex(a => a.status === 200);
    const loser = answers[1 - winner];
    assert.match(loser.body.error.message, /was changed since you loaded it/);
    assert.equal(
      await probe.replicas(),
      asked[winner],
      "the cluster has the winner's replicas",
    );

    const history = await callApi(env.url, `${entityPath(SERVICE)}/history`, {
      token,
    });
    const attempts = history.body.events.filter(
      (e: any) =>
        e.action === 'replicas.scale' &&
        e.workload?.name === probe.name &&
        Date.parse(e.time) >= Date.now() - 60_000,
    );
    const outcomes = attempts
      .slice(0, 2)
      .map((e: any) => e.outcome)
      .sort();
    assert.deepEqual(
      outcomes,
      ['failed', 'succeeded'],
      JSON.stringify(attempts),
    );
  });

  test('a scheduled task runs once per period across the replicas', async () => {
    // The scale-out config runs the cost ingestion every SCALE_OUT_COST_INGESTION_SECONDS (20 s).
    const periodMs =
      Number(process.env.SCALE_OUT_COST_INGESTION_SECONDS ?? 20) * 1000;
    const since = Date.now();
    const runs = () =>
      env.replicaUrls
        .flatMap((_, i) =>
          setup
            .replicaLog(i + 1)
            .filter(line => line.message === 'Refreshed cost recommendations')
            .map(line => ({ replica: i + 1, at: Date.parse(line.timestamp) })),
        )
        .filter(run => run.at >= since)
        .sort((a, b) => a.at - b.at);
    const seen = await eventually(
      'three runs of the cost ingestion',
      async () => (runs().length >= 3 ? runs() : undefined),
      periodMs * 5,
      1000,
    );
    for (let i = 1; i < seen.length; i++) {
      const gap = seen[i].at - seen[i - 1].at;
      assert.ok(
        gap > periodMs * 0.5,
        `runs ${i} and ${i + 1} were ${gap} ms apart, on replicas ${
          seen[i - 1].replica
        } and ${seen[i].replica}: twice in one period`,
      );
    }
    const tasks = await setup.sql(
      'meschain_scale_out_scaling',
      "select id from backstage_backend_tasks__tasks where id = 'scaling-cost-ingestion'",
    );
    assert.equal(tasks.length, 1, 'one task row, shared by the replicas');
  });

  test('a signal published on one replica reaches a page connected to the other', async () => {
    const channel = `scale-out-test:${Date.now().toString(36)}`;
    // Node 20 has WebSocket behind --experimental-websocket (scripts/test-scale-out.sh sets it).
    const socket = new WebSocket(
      `${first.replace(/^http/, 'ws')}/api/signals`,
      [token],
    );
    const received: unknown[] = [];
    socket.onmessage = event => received.push(JSON.parse(String(event.data)));
    await new Promise<void>((resolve, reject) => {
      socket.onopen = () => resolve();
      socket.onerror = () =>
        reject(new Error('The signals socket did not open'));
    });
    try {
      socket.send(JSON.stringify({ action: 'subscribe', channel }));
      // What the second replica's signals service does on publish: put the signal on the events
      // bus, which the database carries to every replica's subscription.
      const message = { from: 'replica 2', at: Date.now() };
      await eventually(
        'the signal to reach the first replica',
        async () => {
          const published = await callApi(second, '/api/events/bus/v1/events', {
            token: required(env.serviceToken, 'SCALE_OUT_SERVICE_TOKEN'),
            body: {
              event: {
                topic: 'signals',
                payload: {
                  recipients: { type: 'broadcast' },
                  channel,
                  message,
                },
              },
            },
          });
          assert.ok(
            [201, 204].includes(published.status),
            JSON.stringify(published.body),
          );
          return received.length > 0 ? received : undefined;
        },
        20_000,
        2000,
      );
      assert.deepEqual(received[0], { channel, message });
    } finally {
      socket.close();
    }
  });
});
