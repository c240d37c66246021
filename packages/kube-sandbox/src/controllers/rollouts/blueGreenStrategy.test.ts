import type { SandboxCluster } from '../../cluster/types';
import { createSimulation, type SandboxSimulation } from '..';
import type { Pod, Rollout, Service } from '../kinds';
import { addNodes, createTestCluster, listByLabel, runFor } from '../testing';

function blueGreenRollout(
  blueGreen: NonNullable<Rollout['spec']['strategy']['blueGreen']>,
): Rollout {
  const labels = { app: 'user' };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'user', namespace: 'meschain', labels },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'user',
              image: 'meschain/user:1.0.0',
              resources: { requests: { cpu: '100m', memory: '128Mi' } },
            },
          ],
        },
      },
      strategy: { blueGreen },
    },
  };
}

describe('blue-green rollouts', () => {
  let cluster: SandboxCluster;
  let simulation: SandboxSimulation;

  function start(
    blueGreen: NonNullable<Rollout['spec']['strategy']['blueGreen']>,
  ) {
    cluster = createTestCluster();
    addNodes(cluster, 2);
    simulation = createSimulation({ podReadyDelayMs: 5_000 })(cluster);
    for (const name of ['user', 'user-preview']) {
      cluster.store.create('services', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace: 'meschain' },
        spec: { selector: { app: 'user' }, ports: [{ port: 80 }] },
      });
    }
    cluster.store.create('rollouts.argoproj.io', blueGreenRollout(blueGreen));
    runFor(cluster, simulation, 10);
    cluster.store.modify('rollouts.argoproj.io', 'meschain', 'user', draft => {
      (draft as Rollout).spec.template.spec!.containers![0].image =
        'meschain/user:2.0.0';
    });
  }

  afterEach(() => simulation.dispose?.());

  const status = () =>
    (
      cluster.store.mustGet(
        'rollouts.argoproj.io',
        'meschain',
        'user',
      ) as Rollout
    ).status!;
  const activeHash = () =>
    (cluster.store.mustGet('services', 'meschain', 'user') as Service).spec
      .selector?.['rollouts-pod-template-hash'];
  const images = () =>
    listByLabel<Pod>(cluster, 'pods', 'app=user')
      .map(pod => pod.spec.containers[0].image)
      .sort();

  it('promotes on its own autoPromotionSeconds after the preview is ready', () => {
    start({
      activeService: 'user',
      previewService: 'user-preview',
      autoPromotionSeconds: 20,
    });
    const blue = status().stableRS;
    runFor(cluster, simulation, 10);
    expect(status()).toMatchObject({
      phase: 'Paused',
      pauseConditions: [{ reason: 'BlueGreenPause' }],
    });
    expect(activeHash()).toBe(blue);

    runFor(cluster, simulation, 20);
    const green = status().currentPodHash;
    expect(status()).toMatchObject({
      phase: 'Healthy',
      stableRS: green,
      blueGreen: { activeSelector: green },
    });
    expect(activeHash()).toBe(green);
  });

  it('runs a reduced preview and scales it up fully before switching', () => {
    start({
      activeService: 'user',
      previewService: 'user-preview',
      autoPromotionEnabled: false,
      previewReplicaCount: 1,
    });
    runFor(cluster, simulation, 10);
    expect(images()).toEqual([
      'meschain/user:1.0.0',
      'meschain/user:1.0.0',
      'meschain/user:1.0.0',
      'meschain/user:2.0.0',
    ]);
    expect(status()).toMatchObject({
      phase: 'Paused',
      message: 'BlueGreenPause',
    });

    cluster.store.modify(
      'rollouts.argoproj.io',
      'meschain',
      'user',
      draft => {
        (draft as Rollout).status!.pauseConditions = null;
      },
      { subresource: 'status' },
    );
    runFor(cluster, simulation, 1);
    expect(status().blueGreen?.scaleUpPreviewCheckPoint).toBe(true);
    runFor(cluster, simulation, 10);
    const green = status().currentPodHash;
    expect(status()).toMatchObject({ phase: 'Healthy', stableRS: green });
    expect(activeHash()).toBe(green);
    expect(
      images().filter(image => image === 'meschain/user:2.0.0'),
    ).toHaveLength(3);
  });
});
