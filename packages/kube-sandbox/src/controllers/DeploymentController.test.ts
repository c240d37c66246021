import type { ClusterSimulation, SandboxCluster } from '../cluster/types';
import { createSimulation } from '.';
import type { Deployment, Pod, ReplicaSet } from './kinds';
import { isPodReady } from './pods';
import {
  addNodes,
  createTestCluster,
  deploymentManifest,
  listByLabel,
  runFor,
} from './testing';

describe('Deployment → ReplicaSet → Pod controller', () => {
  let cluster: SandboxCluster;
  let simulation: ClusterSimulation;

  beforeEach(() => {
    cluster = createTestCluster();
    addNodes(cluster, 4);
    simulation = createSimulation({ podReadyDelayMs: 5_000 })(cluster);
  });

  afterEach(() => simulation.dispose?.());

  const deployment = (name: string) =>
    cluster.store.mustGet('deployments.apps', 'meschain', name) as Deployment;
  const pods = (name: string) =>
    listByLabel<Pod>(cluster, 'pods', `app=${name}`);
  const replicaSets = (name: string) =>
    listByLabel<ReplicaSet>(cluster, 'replicasets.apps', `app=${name}`);
  const setImage = (name: string, image: string) =>
    cluster.store.modify('deployments.apps', 'meschain', name, draft => {
      (draft as Deployment).spec.template.spec!.containers![0].image = image;
    });

  it('creates pods on nodes that become Ready after the configured delay', () => {
    cluster.store.create(
      'deployments.apps',
      deploymentManifest('web', { replicas: 3 }),
    );
    runFor(cluster, simulation, 1);

    expect(pods('web')).toHaveLength(3);
    expect(
      pods('web').every(pod => pod.spec.nodeName?.startsWith('node-')),
    ).toBe(true);
    expect(pods('web').some(isPodReady)).toBe(false);

    runFor(cluster, simulation, 3);
    expect(pods('web').some(isPodReady)).toBe(false);
    expect(deployment('web').status?.availableReplicas ?? 0).toBe(0);

    runFor(cluster, simulation, 2);
    expect(pods('web').every(isPodReady)).toBe(true);
    const status = deployment('web').status!;
    expect(status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      updatedReplicas: 3,
      observedGeneration: 1,
    });
    expect(status.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
        }),
        expect.objectContaining({
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
        }),
      ]),
    );
    const [rs] = replicaSets('web');
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe(
      '1',
    );
    expect(rs.metadata.labels?.['pod-template-hash']).toBe(
      rs.metadata.name.slice('web-'.length),
    );
  });

  it.each([
    { maxSurge: 3, maxUnavailable: '20%', surge: 3, unavailable: 2 },
    { maxSurge: '0%', maxUnavailable: 1, surge: 0, unavailable: 1 },
    { maxSurge: '25%', maxUnavailable: 0, surge: 3, unavailable: 0 },
  ])(
    'rolls out a new template within maxSurge=$maxSurge and maxUnavailable=$maxUnavailable at every tick',
    ({ maxSurge, maxUnavailable, surge, unavailable }) => {
      cluster.store.create(
        'deployments.apps',
        deploymentManifest('api', { replicas: 10, maxSurge, maxUnavailable }),
      );
      runFor(cluster, simulation, 6);
      expect(pods('api').filter(isPodReady)).toHaveLength(10);

      setImage('api', 'meschain/api:2.0.0');
      let sawNewPods = false;
      runFor(cluster, simulation, 120, () => {
        const current = pods('api');
        expect(current.length).toBeLessThanOrEqual(10 + surge);
        expect(current.filter(isPodReady).length).toBeGreaterThanOrEqual(
          10 - unavailable,
        );
        sawNewPods ||= current.some(
          pod => pod.spec.containers[0].image === 'meschain/api:2.0.0',
        );
      });

      expect(sawNewPods).toBe(true);
      expect(pods('api').map(pod => pod.spec.containers[0].image)).toEqual(
        Array(10).fill('meschain/api:2.0.0'),
      );
      const revisions = replicaSets('api').map(rs => [
        rs.spec.replicas,
        rs.metadata.annotations?.['deployment.kubernetes.io/revision'],
      ]);
      expect(
        revisions.sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
      ).toEqual([
        [0, '1'],
        [10, '2'],
      ]);
      expect(
        deployment('api').metadata.annotations?.[
          'deployment.kubernetes.io/revision'
        ],
      ).toBe('2');
      expect(deployment('api').status).toMatchObject({
        replicas: 10,
        updatedReplicas: 10,
        availableReplicas: 10,
      });
    },
  );

  it('returns to an older ReplicaSet as a new revision when its template comes back, as `kubectl rollout undo` relies on', () => {
    cluster.store.create(
      'deployments.apps',
      deploymentManifest('cart', { replicas: 2 }),
    );
    runFor(cluster, simulation, 6);
    const [original] = replicaSets('cart');
    setImage('cart', 'meschain/cart:2.0.0');
    runFor(cluster, simulation, 30);

    // kubectl's rollback: a JSON patch replacing spec.template with the old ReplicaSet's template
    // (hash label removed), as it came back through Go structs.
    const oldTemplate = structuredClone(original.spec.template);
    delete oldTemplate.metadata!.labels!['pod-template-hash'];
    cluster.store.modify('deployments.apps', 'meschain', 'cart', draft => {
      (draft as Deployment).spec.template = {
        ...oldTemplate,
        metadata: { ...oldTemplate.metadata, creationTimestamp: null },
        spec: {
          ...oldTemplate.spec,
          containers: oldTemplate.spec!.containers!.map(c => ({
            ...c,
            ports: [],
          })),
        },
      };
    });
    runFor(cluster, simulation, 30);

    const sets = replicaSets('cart');
    expect(sets).toHaveLength(2);
    const restored = sets.find(
      rs => rs.metadata.name === original.metadata.name,
    )!;
    expect(restored.spec.replicas).toBe(2);
    expect(
      restored.metadata.annotations?.['deployment.kubernetes.io/revision'],
    ).toBe('3');
    expect(
      deployment('cart').metadata.annotations?.[
        'deployment.kubernetes.io/revision'
      ],
    ).toBe('3');
    expect(pods('cart').map(pod => pod.spec.containers[0].image)).toEqual([
      'meschain/cart:1.0.0',
      'meschain/cart:1.0.0',
    ]);
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    cluster.store.create(
      'deployments.apps',
      deploymentManifest('search', { replicas: 1, revisionHistoryLimit: 1 }),
    );
    runFor(cluster, simulation, 6);
    for (const version of ['2', '3', '4']) {
      setImage('search', `meschain/search:${version}.0.0`);
      runFor(cluster, simulation, 20);
    }
    const revisions = replicaSets('search')
      .map(rs => rs.metadata.annotations?.['deployment.kubernetes.io/revision'])
      .sort();
    expect(revisions).toEqual(['3', '4']);
  });

  it('scales the current ReplicaSet when the deployment is scaled', () => {
    cluster.store.create(
      'deployments.apps',
      deploymentManifest('feed', { replicas: 2 }),
    );
    runFor(cluster, simulation, 6);
    cluster.store.modify('deployments.apps', 'meschain', 'feed', draft => {
      (draft as Deployment).spec.replicas = 6;
    });
    runFor(cluster, simulation, 6);
    expect(pods('feed').filter(isPodReady)).toHaveLength(6);
    expect(replicaSets('feed')).toHaveLength(1);

    cluster.store.modify('deployments.apps', 'meschain', 'feed', draft => {
      (draft as Deployment).spec.replicas = 1;
    });
    runFor(cluster, simulation, 1);
    expect(pods('feed')).toHaveLength(1);
    expect(deployment('feed').status).toMatchObject({
      replicas: 1,
      availableReplicas: 1,
    });
    const scaled = cluster.store
      .list('events', { fieldSelector: 'reason=ScalingReplicaSet' })
      .items.map(e => e.message);
    expect(scaled).toContain(
      `Scaled down replica set ${
        replicaSets('feed')[0].metadata.name
      } from 6 to 1`,
    );
  });

  it("holds a paused deployment's template but still scales it", () => {
    cluster.store.create(
      'deployments.apps',
      deploymentManifest('audit', { replicas: 2 }),
    );
    runFor(cluster, simulation, 6);
    cluster.store.modify('deployments.apps', 'meschain', 'audit', draft => {
      const spec = (draft as Deployment).spec;
      spec.paused = true;
      spec.replicas = 4;
      spec.template.spec!.containers![0].image = 'meschain/audit:2.0.0';
    });
    runFor(cluster, simulation, 6);
    expect(replicaSets('audit')).toHaveLength(1);
    expect(pods('audit').map(pod => pod.spec.containers[0].image)).toEqual(
      Array(4).fill('meschain/audit:1.0.0'),
    );
    expect(deployment('audit').status?.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'Progressing',
          status: 'Unknown',
          reason: 'DeploymentPaused',
        }),
      ]),
    );
  });
});
