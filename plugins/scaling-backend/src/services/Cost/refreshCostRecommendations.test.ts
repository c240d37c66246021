import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { percentile } from '@meschain/backstage-plugin-scaling-common';
import { Sandbox, startSandbox } from '@meschain/kube-sandbox';
import {
  readFromSandbox,
  sandboxScalingCluster,
} from '../../__testUtils__/kubeSandbox';
import {
  SANDBOX_NAMESPACE,
  serviceEntity,
} from '../../__testUtils__/serviceEntity';
import { createKubernetesClients } from '../Clusters';
import { HorizontalPodAutoscalerObject } from '../ScalingState';
import { createCostEntityMapping } from './costEntityMapping';
import { CostSettings } from './costSettings';
import { createCostIngestion } from './createCostIngestion';
import { createOpenCostSource } from './createOpenCostSource';
import { createCostWorkloadObserver } from './observeCostWorkloads';
import { createCostRecommendationRefresh } from './refreshCostRecommendations';
import {
  DatabaseCostRecommendationStore,
  DatabaseCostStore,
  DatabaseCostUsageStore,
} from './store';

jest.setTimeout(120_000);

// The sandbox starts at midnight on the 20th, so the whole 19th is behind it.
const NOW = new Date('2026-11-20T00:30:00Z');
const REGION = 'us-east';
const CLUSTER = `meschain-${REGION}`;
const SERVICE = 'monitoring-service';
const ENTITY_REF = `component:default/${SERVICE}`;

const settings: CostSettings = {
  currency: 'USD',
  discounts: { [REGION]: { spotDiscount: 0.6, reservedDiscount: 0.4 } },
  committedShare: {},
  criticalTiers: ['critical'],
  ingestDays: 2,
  initialDays: 0,
  recommendationDays: 14,
};

const monitoring: Entity = {
  ...serviceEntity(SERVICE, { owner: 'platform-team' }),
  relations: [{ type: 'ownedBy', targetRef: 'group:default/platform-team' }],
};

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'recommendations from the kube-sandbox’s hours and workloads, stored in %p',
  databaseId => {
    let sandbox: Sandbox;
    const kubernetes = createKubernetesClients({ requestTimeoutMs: 2_000 });

    beforeAll(async () => {
      sandbox = await startSandbox({
        port: 0,
        speed: 0,
        seed: 11,
        startTime: Date.parse('2026-11-20T00:00:00Z'),
      });
    });

    afterAll(async () => {
      await kubernetes.close();
      await sandbox.close();
    });

    async function setup() {
      const database = mockServices.database({
        knex: await databases.init(databaseId),
        migrations: { skip: false },
      });
      const usage = await DatabaseCostUsageStore.create({ database });
      const recommendations = await DatabaseCostRecommendationStore.create({
        database,
      });
      const source = createOpenCostSource({
        clusters: [
          {
            name: CLUSTER,
            region: REGION,
            url: sandbox.clusterUrl(REGION, 'http'),
          },
        ],
      });
      const loadMapping = async () => createCostEntityMapping([monitoring]);
      const logger = mockServices.logger.mock();
      const ingestion = createCostIngestion({
        source,
        store: await DatabaseCostStore.create({ database }),
        usage,
        loadMapping,
        logger,
        hourlyDays: 1,
        now: () => NOW,
      });
      const cluster = sandboxScalingCluster(sandbox, REGION);
      const refresh = createCostRecommendationRefresh({
        source,
        observe: createCostWorkloadObserver({
          clusters: {
            listClusters: async () => [cluster],
            getCluster: async () => cluster,
          },
          kubernetes,
          timeoutMs: 2_000,
        }),
        loadMapping,
        usage,
        recommendations,
        settings,
        logger,
        now: () => NOW,
      });
      await ingestion.ingest({ start: '2026-11-19', end: '2026-11-20' });
      return { usage, recommendations, refresh, logger };
    }

    async function monitoringAutoscaler() {
      const { items } = await readFromSandbox<{
        items: HorizontalPodAutoscalerObject[];
      }>(
        sandbox,
        REGION,
        `/apis/autoscaling/v2/namespaces/${SANDBOX_NAMESPACE}/horizontalpodautoscalers`,
      );
      return items.find(hpa => hpa.spec.scaleTargetRef.name === SERVICE)!;
    }

    async function setMinReplicas(minReplicas: number) {
      const hpa = await monitoringAutoscaler();
      const response = await fetch(
        `${sandbox.clusterUrl(
          REGION,
          'http',
        )}/apis/autoscaling/v2/namespaces/${SANDBOX_NAMESPACE}/horizontalpodautoscalers/${
          hpa.metadata.name
        }`,
        {
          method: 'PATCH',
          headers: {
            authorization: `Bearer ${sandbox.cluster(REGION).token}`,
            'content-type': 'application/merge-patch+json',
          },
          body: JSON.stringify({ spec: { minReplicas } }),
        },
      );
      expect(response.status).toBe(200);
    }

    it('observes the workload as the cluster shows it, and proposes right-sizing, spot and reserved capacity from its hours', async () => {
      const { usage, recommendations, refresh } = await setup();
      await refresh();

      const [workload] = await usage.entityWorkloads(ENTITY_REF);
      expect(workload).toEqual({
        cluster: CLUSTER,
        region: REGION,
        namespace: SANDBOX_NAMESPACE,
        kind: 'Rollout',
        name: SERVICE,
        entityRef: ENTITY_REF,
        ownerRef: 'group:default/platform-team',
        tier: undefined,
        replicas: 2,
        cpuRequestCoresPerReplica: 0.2,
        memoryRequestGiBPerReplica: 0.25,
        autoscaler: { minReplicas: 2, cpuTargetUtilization: 70 },
      });
      const hours = await usage.entityHours(
        ENTITY_REF,
        '2026-11-19T00:00:00.000Z',
      );
      expect(hours).toHaveLength(24);

      const stored = await recommendations.listForEntity(ENTITY_REF);
      expect(stored.map(r => r.kind).sort()).toEqual([
        'reserved',
        'right-sizing',
        'spot',
      ]);
      // Right-sizing: the p95 of each hour's usage over its request. The
      // CPU is used close to its request; the memory is cut to that share
      // plus 20% headroom of a replica's 256 MiB.
      const rightSizing = stored.find(r => r.kind === 'right-sizing')!;
      const shareP95 = (share: (h: (typeof hours)[number]) => number) =>
        percentile(hours.map(share), 0.95);
      const cpuShare = shareP95(h => h.cpuUsageCores / h.cpuRequestCores);
      const memoryShare = shareP95(h => h.memoryUsageGiB / h.memoryRequestGiB);
      expect(rightSizing.inputs.cpuUsageP95ShareOfRequest).toBeCloseTo(
        cpuShare,
        3,
      );
      expect(cpuShare * 1.2).toBeGreaterThan(0.9);
      expect(rightSizing.proposal).toEqual({
        memoryRequestShare: expect.closeTo(memoryShare * 1.2, 3),
        memoryRequestPerReplicaGiB: expect.closeTo(0.25 * memoryShare * 1.2, 3),
      });
      // Spot: 60% off a month of the hours' mean compute cost.
      const monthlyCompute =
        (hours.reduce((s, h) => s + h.cpuCost + h.memoryCost, 0) / 24) *
        24 *
        (365 / 12);
      const spot = stored.find(r => r.kind === 'spot')!;
      expect(spot.monthlySavings).toBeCloseTo(monthlyCompute * 0.6, 2);
      expect(await recommendations.lastSet()).toEqual({
        window: { start: '2026-11-06', end: '2026-11-21' },
        computedAt: NOW.toISOString(),
      });
    });

    it('proposes a lower HPA minimum once it far exceeds the quiet hours’ need, and keeps a down cluster’s last observation', async () => {
      const { usage, recommendations, refresh, logger } = await setup();
      await setMinReplicas(12);
      try {
        await refresh();
        const hpa = (await recommendations.listForEntity(ENTITY_REF)).find(
          r => r.kind === 'hpa',
        )!;
        expect(hpa).toMatchObject({
          region: REGION,
          inputs: {
            minReplicas: 12,
            quietHoursPerDay: 8,
            cpuRequestPerReplicaCores: 0.2,
            cpuTargetUtilization: 70,
          },
        });
        const needed = Number(hpa.inputs.quietReplicasNeeded);
        const proposed = Math.max(2, needed);
        expect(hpa.proposal).toEqual({ minReplicas: proposed });
        // The quiet hours' p95 usage at 70% of 0.2 cores a replica.
        expect(needed).toBe(
          Math.ceil(Number(hpa.inputs.quietCpuUsageP95Cores) / 0.14),
        );
        expect(hpa.monthlySavings).toBeCloseTo(
          (12 - proposed) *
            Number(hpa.inputs.replicaHourlyCost) *
            8 *
            (365 / 12),
          0,
        );

        sandbox.faults.set(REGION, { mode: 'down' });
        await refresh();
        expect(logger.warn).toHaveBeenCalledWith(
          'Could not observe the workloads of a cluster',
          expect.objectContaining({ cluster: CLUSTER }),
        );
        const [workload] = await usage.entityWorkloads(ENTITY_REF);
        expect(workload.autoscaler?.minReplicas).toBe(12);
        expect(
          (await recommendations.listForEntity(ENTITY_REF)).map(r => r.kind),
        ).toContain('hpa');
      } finally {
        sandbox.faults.clear();
        await setMinReplicas(2);
      }
    });
  },
);
