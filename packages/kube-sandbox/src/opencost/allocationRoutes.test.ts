import type {
  ClusterSimulation,
  SandboxCluster,
  SandboxRoute,
} from '../cluster/types';
import { createSimulation } from '../controllers';
import {
  addNodes,
  createTestCluster,
  deploymentManifest,
  runFor,
  testClusterSpec,
} from '../controllers/testing';

const GIB = 2 ** 30;

/**
 * One cluster, one node (4 cores, 16 GiB) and one Deployment of two pods requesting 500m CPU and
 * 1 GiB each. The load is flat: every pod uses 200m CPU (under its request) and 1.5 GiB of memory
 * (over it), all day. Prices: $0.04 per core-hour, $0.005 per GiB-hour.
 */
describe('OpenCost /allocation', () => {
  let cluster: SandboxCluster;
  let simulation: ClusterSimulation;
  let route: SandboxRoute;

  beforeAll(() => {
    cluster = createTestCluster(
      testClusterSpec({
        prices: { cpuCoreHour: 0.04, ramGiBHour: 0.005 },
        services: [
          {
            name: 'ledger',
            image: 'meschain/ledger:1.0.0',
            replicas: 2,
            strategy: 'rolling',
            scaling: 'none',
            resources: { requests: { cpu: '500m', memory: '1Gi' } },
            load: { peakRps: 50, baseRps: 50, incidentRate: 0 },
          },
        ],
      }),
    );
    addNodes(cluster, 1, { cpu: '4', memory: '16Gi', pods: '110' });
    simulation = createSimulation({
      load: {
        noise: 0,
        incidentRate: 0,
        podImbalance: 0,
        idleCpuCores: 0.2,
        cpuCoresPerRps: 0,
        idleMemoryBytes: 1.5 * GIB,
        memoryBytesPerRps: 0,
      },
    })(cluster);
    cluster.store.create(
      'deployments.apps',
      deploymentManifest('ledger', { replicas: 2, cpu: '500m', memory: '1Gi' }),
    );
    runFor(cluster, simulation, 10);
    // Jump to 2025-01-08T06:00Z; the pods have run since 2025-01-06T00:00:01Z.
    cluster.clock.advance(Date.UTC(2025, 0, 8, 6) - cluster.clock.now());
    simulation.tick(cluster.clock.now());
    route = simulation.routes.find(r => r.path === '/allocation')!;
  });

  afterAll(() => simulation.dispose?.());

  const allocation = (query: Record<string, string>) =>
    route.handle({ cluster, params: {}, query }) as {
      code: number;
      status: string;
      data: Record<string, Record<string, unknown>>[];
    };

  it('charges a day by namespace as max(request, usage) × hours × price', () => {
    const response = allocation({
      window: '2025-01-07T00:00:00Z,2025-01-08T00:00:00Z',
      aggregate: 'namespace',
    });
    expect(response).toMatchObject({ code: 200, status: 'success' });
    expect(response.data).toHaveLength(1);

    // CPU: usage (0.2) is under the request (0.5), so the request is charged:
    //   2 pods × 0.5 cores × 24 h = 24 core-hours × $0.04 = $0.96.
    // RAM: usage (1.5 GiB) is over the request (1 GiB), so usage is charged:
    //   2 pods × 1.5 GiB × 24 h = 72 GiB-hours × $0.005 = $0.36.
    // Total $1.32. Efficiency: CPU 0.2 / 0.5 = 0.4, RAM 1.5 / 1 = 1.5,
    //   total = (0.4 × 0.96 + 1.5 × 0.36) / 1.32 = 0.924 / 1.32 = 0.7.
    expect(response.data[0].meschain).toMatchObject({
      name: 'meschain',
      properties: {
        cluster: 'test',
        namespace: 'meschain',
        controller: 'ledger',
        controllerKind: 'deployment',
      },
      window: { start: '2025-01-07T00:00:00Z', end: '2025-01-08T00:00:00Z' },
      start: '2025-01-07T00:00:00Z',
      end: '2025-01-08T00:00:00Z',
      minutes: 1440,
      cpuCores: 1,
      cpuCoreRequestAverage: 1,
      cpuCoreUsageAverage: 0.4,
      cpuCoreHours: 24,
      cpuCost: 0.96,
      ramBytes: 3 * GIB,
      ramByteRequestAverage: 2 * GIB,
      ramByteUsageAverage: 3 * GIB,
      ramByteHours: 72 * GIB,
      ramCost: 0.36,
      gpuCost: 0,
      pvCost: 0,
      networkCost: 0,
      loadBalancerCost: 0,
      sharedCost: 0,
      externalCost: 0,
      totalCost: 1.32,
      cpuEfficiency: 0.4,
      ramEfficiency: 1.5,
      totalEfficiency: 0.7,
    });
  });

  it('adds the idle node capacity as __idle__', () => {
    const { data } = allocation({
      window: '2025-01-07T00:00:00Z,2025-01-08T00:00:00Z',
      aggregate: 'cluster',
      includeIdle: 'true',
    });
    // The node offers 4 cores × 24 h × $0.04 = $3.84 and 16 GiB × 24 h × $0.005 = $1.92;
    // the pods were charged $0.96 and $0.36, leaving $2.88 and $1.56 idle.
    expect(data[0].test).toMatchObject({ totalCost: 1.32 });
    expect(data[0].__idle__).toMatchObject({
      cpuCost: 2.88,
      ramCost: 1.56,
      totalCost: 4.44,
      cpuCoreHours: 72,
    });
  });

  it('splits by step, accumulates, and aggregates by controller, pod and label', () => {
    const steps = allocation({
      window: '2025-01-07T00:00:00Z,2025-01-08T00:00:00Z',
      step: '6h',
      aggregate: 'controller',
    });
    expect(steps.data).toHaveLength(4);
    expect(steps.data.map(set => set['deployment:ledger'].totalCost)).toEqual([
      0.33, 0.33, 0.33, 0.33,
    ]);

    const accumulated = allocation({
      window: '2025-01-07T00:00:00Z,2025-01-08T00:00:00Z',
      step: '6h',
      accumulate: 'true',
      aggregate: 'label:app',
    });
    expect(accumulated.data).toHaveLength(1);
    expect(accumulated.data[0].ledger).toMatchObject({ totalCost: 1.32 });

    const byPod = allocation({
      window: 'yesterday',
      aggregate: 'namespace,pod',
    });
    const names = Object.keys(byPod.data[0]);
    expect(names).toHaveLength(2);
    expect(
      names.every(name =>
        /^meschain\/ledger-[a-z0-9]+-[a-z0-9]{5}$/.test(name),
      ),
    ).toBe(true);
    expect(Object.values(byPod.data[0]).map(a => a.totalCost)).toEqual([
      0.66, 0.66,
    ]);
  });

  it('answers steps that have not begun with empty sets, idle included', () => {
    // Now is 06:00: of four six-hour steps, the last three are still to come.
    const steps = allocation({
      window: '2025-01-08T00:00:00Z,2025-01-09T00:00:00Z',
      step: '6h',
      aggregate: 'controller',
      includeIdle: 'true',
    });
    expect(steps.data).toHaveLength(4);
    expect(Object.keys(steps.data[0]).sort()).toEqual([
      '__idle__',
      'deployment:ledger',
    ]);
    expect(steps.data.slice(1)).toEqual([{}, {}, {}]);
  });

  it('accepts relative windows ending now and refuses bad ones', () => {
    // 6 hours of today (00:00–06:00): a quarter of the day's $1.32.
    expect(
      allocation({ window: 'today', aggregate: 'namespace' }).data[0].meschain,
    ).toMatchObject({ totalCost: 0.33, minutes: 360 });
    expect(
      allocation({ window: '6h', aggregate: 'namespace' }).data[0].meschain,
    ).toMatchObject({ totalCost: 0.33 });
    expect(() => allocation({ window: 'fortnight' })).toThrow(
      'invalid window: fortnight',
    );
  });
});
