import { mockServices } from '@backstage/backend-test-utils';
import { Sandbox } from '@meschain/kube-sandbox';
import {
  sandboxScalingCluster,
  startFrozenSandbox,
} from '../../__testUtils__/kubeSandbox';
import { createKubernetesClients, KubernetesClients } from '../Clusters';
import { ClusterSnapshot, SnapshotChange } from './clusterSnapshot';

const REGION = 'us-east';
const NAMESPACE = 'meschain-sync';
const SERVICE = 'analytics-service';
/** More than the sandbox's watch history, so that a resume finds its resourceVersion gone. */
const EVENTS_PAST_HISTORY = 5_100;

describe('ClusterSnapshot, against the kube-sandbox', () => {
  let sandbox: Sandbox;
  let clients: KubernetesClients;
  let snapshot: ClusterSnapshot | undefined;

  beforeAll(async () => {
    sandbox = await startFrozenSandbox();
    clients = createKubernetesClients({ requestTimeoutMs: 1_000 });
  });

  afterEach(async () => {
    sandbox.faults.clear();
    await snapshot?.stop();
  });

  afterAll(async () => {
    await clients.close();
    await sandbox.close();
  });

  async function until(what: string, done: () => boolean, withinMs = 10_000) {
    const started = Date.now();
    while (!done()) {
      if (Date.now() - started > withinMs) {
        throw new Error(`Not ${what} within ${withinMs} ms`);
      }
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }

  const desiredReplicas = () =>
    snapshot!
      .workloadsMatching({
        labelSelector: `backstage.io/kubernetes-id=${SERVICE}`,
        namespace: NAMESPACE,
      })
      .map(({ object }) => object.spec?.replicas);

  it('lists again when the resourceVersion it resumes from is gone (410), and reports what changed meanwhile', async () => {
    const cluster = sandboxScalingCluster(sandbox, REGION);
    const changes: SnapshotChange[] = [];
    snapshot = new ClusterSnapshot({
      cluster,
      client: clients.forCluster(cluster),
      logger: mockServices.logger.mock(),
      timeoutMs: 1_000,
      probeIntervalMs: 100,
      watchSeconds: 1,
      onChange: batch => changes.push(...batch),
    });
    snapshot.start();
    await until('listed', () => snapshot!.ready);
    const [before] = desiredReplicas();

    // The cluster goes away: the watches end within a second and cannot resume.
    sandbox.faults.set(REGION, { mode: 'down' });
    await until('the outage seen', () => snapshot!.error !== undefined);
    await new Promise(resolve => setTimeout(resolve, 1_200));
    const { store } = sandbox.cluster(REGION);
    store.create('configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'fleet-churn', namespace: NAMESPACE },
    });
    for (let i = 0; i < EVENTS_PAST_HISTORY; i++) {
      store.modify('configmaps', NAMESPACE, 'fleet-churn', draft => {
        draft.metadata.annotations = { round: String(i) };
      });
    }
    store.modify('deployments.apps', NAMESPACE, SERVICE, draft => {
      (draft as { spec: { replicas: number } }).spec.replicas = before! + 3;
    });
    changes.length = 0;
    sandbox.faults.clear();

    await until(
      'the change listed',
      () => desiredReplicas()[0] === before! + 3,
    );
    // Every watch is back once the probe sees the cluster answer, without
    // waiting out its back-off.
    await until('every watch back', () => snapshot!.error === undefined, 2_000);
    expect(
      changes.some(
        change =>
          change.kind === 'Deployment' &&
          change.object.metadata.name === SERVICE,
      ),
    ).toBe(true);
  });
});
