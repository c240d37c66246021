import type { SandboxCluster } from '../../cluster/types';
import { createSimulation, type SandboxSimulation } from '..';
import type { EventObject, Pod, ReplicaSet, Rollout } from '../kinds';
import { addNodes, createTestCluster, listByLabel, runFor } from '../testing';

/** The fleet's A/B strategy: a traffic-routed canary pinned to one pod, reached by a header first. */
function abRollout(): Rollout {
  const labels = { app: 'product' };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'product', namespace: 'meschain', labels },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'product',
              image: 'meschain/product:1.0.0',
              resources: { requests: { cpu: '100m', memory: '128Mi' } },
            },
          ],
        },
      },
      strategy: {
        canary: {
          canaryService: 'product-canary',
          stableService: 'product',
          trafficRouting: {
            managedRoutes: [{ name: 'beta-testers' }],
            istio: { virtualService: { name: 'product', routes: ['primary'] } },
          },
          steps: [
            { setCanaryScale: { replicas: 1 } },
            {
              setHeaderRoute: {
                name: 'beta-testers',
                match: [
                  {
                    headerName: 'X-MesChain-Variant',
                    headerValue: { exact: 'beta' },
                  },
                ],
              },
            },
            { pause: {} },
            { setWeight: 50 },
            { pause: { duration: '120s' } },
          ],
        },
      },
    },
  };
}

/** The route Argo Rollouts weighs: all to the stable Service until a canary runs. */
function primaryRoute(stable: number, canary: number) {
  return {
    name: 'primary',
    route: [
      { destination: { host: 'product' }, weight: stable },
      { destination: { host: 'product-canary' }, weight: canary },
    ],
  };
}

const BETA_ROUTE = {
  name: 'beta-testers',
  match: [{ headers: { 'X-MesChain-Variant': { exact: 'beta' } } }],
  route: [{ destination: { host: 'product-canary' }, weight: 100 }],
};

describe('A/B rollout with header routing', () => {
  let cluster: SandboxCluster;
  let simulation: SandboxSimulation;

  beforeEach(() => {
    cluster = createTestCluster();
    addNodes(cluster, 2);
    simulation = createSimulation({ podReadyDelayMs: 5_000 })(cluster);
    for (const name of ['product', 'product-canary']) {
      cluster.store.create('services', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace: 'meschain' },
        spec: { selector: { app: 'product' }, ports: [{ port: 80 }] },
      });
    }
    cluster.store.create('virtualservices.networking.istio.io', {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'VirtualService',
      metadata: { name: 'product', namespace: 'meschain' },
      spec: { hosts: ['product'], http: [primaryRoute(100, 0)] },
    });
    cluster.store.create('rollouts.argoproj.io', abRollout());
    runFor(cluster, simulation, 10);
  });

  afterEach(() => simulation.dispose?.());

  const rollout = () =>
    cluster.store.mustGet(
      'rollouts.argoproj.io',
      'meschain',
      'product',
    ) as Rollout;
  const podsByImage = () => {
    const counts: Record<string, number> = {};
    for (const pod of listByLabel<Pod>(cluster, 'pods', 'app=product')) {
      const image = pod.spec.containers[0].image ?? '';
      counts[image] = (counts[image] ?? 0) + 1;
    }
    return counts;
  };
  const httpRoutes = () =>
    (
      cluster.store.mustGet(
        'virtualservices.networking.istio.io',
        'meschain',
        'product',
      ).spec as { http: unknown[] }
    ).http;

  it('pins the canary to one pod, routes the header to it, then splits traffic by weight', () => {
    const stable = rollout().status!.stableRS!;
    cluster.store.modify(
      'rollouts.argoproj.io',
      'meschain',
      'product',
      draft => {
        (draft as Rollout).spec.template.spec!.containers![0].image =
          'meschain/product:2.0.0';
      },
    );
    runFor(cluster, simulation, 10);

    let status = rollout().status!;
    const canary = status.currentPodHash!;
    // setCanaryScale keeps the stable at full size behind the router and adds one canary pod.
    expect(podsByImage()).toEqual({
      'meschain/product:1.0.0': 3,
      'meschain/product:2.0.0': 1,
    });
    expect(status).toMatchObject({ phase: 'Paused', currentStepIndex: 2 });
    expect(status.canary?.weights).toEqual({
      canary: {
        weight: 0,
        serviceName: 'product-canary',
        podTemplateHash: canary,
      },
      stable: { weight: 100, serviceName: 'product', podTemplateHash: stable },
    });
    const messages = (
      cluster.store.list('events', {
        fieldSelector: 'involvedObject.name=product',
      }).items as EventObject[]
    ).map(e => e.message);
    expect(messages).toContain(
      'Header route "beta-testers" sends X-MesChain-Variant: {"exact":"beta"} to the canary',
    );
    // The managed header route goes first in the VirtualService, ahead of the weighted one.
    expect(httpRoutes()).toEqual([BETA_ROUTE, primaryRoute(100, 0)]);

    // Promote; setWeight: 50 sends half the traffic, while setCanaryScale still holds the canary at one pod.
    cluster.store.modify(
      'rollouts.argoproj.io',
      'meschain',
      'product',
      draft => {
        (draft as Rollout).status!.pauseConditions = null;
      },
      { subresource: 'status' },
    );
    runFor(cluster, simulation, 5);
    status = rollout().status!;
    expect(status).toMatchObject({ phase: 'Paused', currentStepIndex: 4 });
    expect(status.canary?.weights?.canary.weight).toBe(50);
    expect(httpRoutes()).toEqual([BETA_ROUTE, primaryRoute(50, 50)]);
    expect(podsByImage()).toEqual({
      'meschain/product:1.0.0': 3,
      'meschain/product:2.0.0': 1,
    });

    // After the 120 s pause every step is done: full canary, promotion, and the old stack goes after 30 s.
    runFor(cluster, simulation, 130);
    status = rollout().status!;
    expect(status).toMatchObject({
      phase: 'Healthy',
      stableRS: canary,
      currentStepIndex: 5,
    });
    expect(status.canary?.weights?.canary).toMatchObject({
      weight: 0,
      podTemplateHash: canary,
    });
    // Promoted: the managed route is gone and the stable Service takes everything again.
    expect(httpRoutes()).toEqual([primaryRoute(100, 0)]);
    runFor(cluster, simulation, 40);
    expect(podsByImage()).toEqual({ 'meschain/product:2.0.0': 3 });
    const old = cluster.store.get(
      'replicasets.apps',
      'meschain',
      `product-${stable}`,
    ) as ReplicaSet;
    expect(old.spec.replicas).toBe(0);
  });
});
