import { parseFleet } from '../cluster/fleet';
import { createSimulation } from '../controllers';
import { startSandbox, type Sandbox } from '../server';

const GIB = 2 ** 30;

/**
 * A fleet whose seed has run for three days when the sandbox starts (2025-01-06T00:00Z): one node
 * (4 cores, 16 GiB) and two pods requesting 500m CPU and 1 GiB, each using a flat 200m CPU and
 * 1.5 GiB. Prices: $0.04 per core-hour, $0.005 per GiB-hour.
 */
const FLEET = `
history: 3d
namespace: meschain
instanceTypes:
  lab.node:
    allocatable: { cpu: '4', memory: 16Gi, pods: '110' }
clusters:
  - name: lab
    token: lab-token
    prices: { cpuCoreHour: 0.04, ramGiBHour: 0.005 }
    nodePools: [{ name: general, instanceType: lab.node, count: 1 }]
    services:
      - name: ledger
        image: meschain/ledger:1.0.0
        replicas: 2
        strategy: rolling
        scaling: none
        resources: { requests: { cpu: 500m, memory: 1Gi } }
`;

describe('the fleet history of the seed', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({
      fleet: parseFleet(FLEET),
      speed: 0,
      attach: createSimulation({
        load: {
          noise: 0,
          incidentRate: 0,
          podImbalance: 0,
          idleCpuCores: 0.2,
          cpuCoresPerRps: 0,
          idleMemoryBytes: 1.5 * GIB,
          memoryBytesPerRps: 0,
        },
      }),
    });
  });

  afterAll(() => sandbox.close());

  const dayOfCost = async (day: string, next: string) => {
    const response = await fetch(
      `${sandbox.httpUrl}/clusters/lab/allocation?window=${day}T00:00:00Z,${next}T00:00:00Z&aggregate=namespace&includeIdle=true`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: Record<string, { totalCost: number; cpuCost: number }>[];
    };
    return body.data[0];
  };

  it('charges a day before the sandbox started as the seed ran then', async () => {
    // 2 pods × 0.5 cores (the request, above usage) × 24 h × $0.04 = $0.96, plus
    // 2 pods × 1.5 GiB (usage, above the request) × 24 h × $0.005 = $0.36: $1.32.
    // The node's 4 cores and 16 GiB over 24 h leave $2.88 + $1.56 idle.
    const day = await dayOfCost('2025-01-04', '2025-01-05');
    expect(day.meschain).toMatchObject({ cpuCost: 0.96, totalCost: 1.32 });
    expect(day.__idle__).toMatchObject({ totalCost: 4.44 });
  });

  it('charges nothing before the history starts', async () => {
    const day = await dayOfCost('2025-01-01', '2025-01-02');
    expect(day.meschain).toBeUndefined();
    expect(day.__idle__).toMatchObject({ totalCost: 0 });
  });

  it('keeps the times the seeded objects were really created at', () => {
    const pods = sandbox.cluster('lab').store.list('pods').items;
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      expect(
        Date.parse(pod.metadata.creationTimestamp!),
      ).toBeGreaterThanOrEqual(Date.UTC(2025, 0, 6));
    }
  });
});
