import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityLoadForecast,
  PredictiveScheduleView,
  ScalingHistory,
} from '@meschain/backstage-plugin-scaling-common';
import request from 'supertest';
import {
  ClusterTarget,
  describeSandboxOnly,
  startClusterTarget,
} from './__testUtils__/clusterTarget';
import { clusterEntity, serviceEntity } from './__testUtils__/serviceEntity';
import { scalingPlugin } from './plugin';
import { DatabaseCostUsageStore } from './services/Cost/store';

jest.setTimeout(60_000);

const NAMESPACE = 'meschain-sync';
const REGIONS = ['us-east'];
/** Its HPA scales on CPU utilisation (the `cpu` preset: 2 to 20 pods at 70 % of 200m). */
const SERVICE = 'monitoring-service';
const ENTITY_REF = `component:default/${SERVICE}`;
/** The same HPA preset, owned by another team. */
const NOT_OWNED = 'notification-service';
const HOUR = 3_600_000;

/**
 * Two weeks of hourly CPU use: 0.2 cores at night, 2.2 at the 15:00 UTC peak, when the service
 * needs 2.2 / (0.2 × 70 %) = 16 pods, far above its HPA's minimum of 2.
 */
function twoWeeksOfUsage(lastHour: number) {
  const hours = Array.from({ length: 14 * 24 }, (_, i) => {
    const at = lastHour - (14 * 24 - 1 - i) * HOUR;
    const hourOfDay = new Date(at).getUTCHours();
    const daily = 0.5 - 0.5 * Math.cos((2 * Math.PI * (hourOfDay - 3)) / 24);
    return { at, cores: 0.2 + 2 * daily };
  });
  const days = new Map<string, typeof hours>();
  for (const hour of hours) {
    const day = new Date(hour.at).toISOString().slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), hour]);
  }
  return [...days].map(([day, dayHours]) => ({
    day,
    cluster: 'us-east',
    region: 'us-east',
    rows: dayHours.map(hour => ({
      hour: new Date(hour.at).toISOString(),
      entityRef: ENTITY_REF,
      ownerRef: 'group:default/platform-team',
      cpuRequestCores: 4,
      cpuUsageCores: hour.cores,
      memoryRequestGiB: 1,
      memoryUsageGiB: 0.5,
      cpuCost: 0,
      memoryCost: 0,
      storageCost: 0,
    })),
  }));
}

describeSandboxOnly(
  'it replaces the stored usage of a service with a synthetic fortnight',
  'predictive scaling',
  () => {
    let target: ClusterTarget;
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

    beforeAll(async () => {
      target = await startClusterTarget({ regions: REGIONS });
      const knex = await databases.init('SQLITE_3');
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      const usage = await DatabaseCostUsageStore.create({ database });
      const lastHour = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
      for (const day of twoWeeksOfUsage(lastHour))
        await usage.replaceHours(day);

      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(item => ({
            result:
              'resourceRef' in item && item.resourceRef === ENTITY_REF
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      });
      ({ server } = await startTestBackend({
        features: [
          scalingPlugin,
          mockServices.rootConfig.factory({
            data: {
              kubernetes: target.kubernetesConfig(REGIONS),
              // The first read of a cold sandbox can take seconds on a busy machine.
              scaling: {
                clusterTimeoutMs: Math.max(target.clusterTimeoutMs, 10_000),
              },
            },
          }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          permissions.factory,
          mockServices.database.factory({ knex, migrations: { skip: false } }),
          catalogServiceMock.factory({
            entities: [
              serviceEntity(SERVICE, {
                owner: 'platform-team',
                regions: REGIONS,
              }),
              serviceEntity(NOT_OWNED, {
                owner: 'data-team',
                regions: REGIONS,
              }),
              ...REGIONS.map(region => clusterEntity(region)),
            ],
          }),
        ],
      }));
    });

    afterAll(() => target?.close());

    const path = (name: string, route: string) =>
      `/api/scaling/entities/component/default/${name}/${route}`;
    const get = (route: string) =>
      request(server)
        .get(path(SERVICE, route))
        .set('Authorization', mockCredentials.user.header());
    const clusterMinimum = async () =>
      (
        await target.read<{ spec: { minReplicas: number } }>(
          'us-east',
          `/apis/autoscaling/v2/namespaces/${NAMESPACE}/horizontalpodautoscalers/${SERVICE}`,
        )
      ).spec.minReplicas;

    it('shows the past week against its forecast, and forecasts the next', async () => {
      const response = await get('forecast?region=us-east');
      expect(response.status).toBe(200);
      const forecast: EntityLoadForecast = response.body;
      const past = forecast.hours.filter(hour => hour.actual !== undefined);
      const next = forecast.hours.filter(hour => hour.actual === undefined);
      expect(past).toHaveLength(168);
      expect(next).toHaveLength(168);
      expect(forecast.accuracy!.mape).toBeLessThan(5);
      const peak = Math.max(...next.map(hour => hour.forecast!));
      expect(peak).toBeGreaterThan(2000);
      expect(peak).toBeLessThan(2400);
    });

    it('proposes minimums that have the peak capacity ready, and replays their effect', async () => {
      const response = await get('predictive-schedule?region=us-east');
      expect(response.status).toBe(200);
      const view: PredictiveScheduleView = response.body;
      expect(view.unavailable).toBeUndefined();
      expect(view.autoscaler).toMatchObject({
        name: SERVICE,
        minReplicas: 2,
        maxReplicas: 20,
        targetUtilization: 70,
      });
      expect(view.leadTimeSeconds).toBe(135);
      const minimums = view.proposed!.steps.map(step => step.minReplicas);
      expect(Math.max(...minimums)).toBeGreaterThanOrEqual(16);
      expect(Math.min(...minimums)).toBe(2);
      expect(view.effect!.withSchedule.minutesAboveTarget).toBeLessThanOrEqual(
        view.effect!.withoutSchedule.minutesAboveTarget,
      );
    });

    it('refuses to apply a schedule for a service the caller does not own', async () => {
      const response = await request(server)
        .put(path(NOT_OWNED, 'predictive-schedule'))
        .set('Authorization', mockCredentials.user.header())
        .send({ region: 'us-east' });
      expect(response.status).toBe(403);
    });

    it('applies the step in force at once, audited, and gives the minimum back on removal', async () => {
      const applied = await request(server)
        .put(path(SERVICE, 'predictive-schedule'))
        .set('Authorization', mockCredentials.user.header())
        .send({ region: 'us-east' });
      expect(applied.status).toBe(200);
      const view: PredictiveScheduleView = applied.body;
      expect(view.applied).toMatchObject({
        baseMinReplicas: 2,
        appliedBy: mockCredentials.user().principal.userEntityRef,
      });
      expect(await clusterMinimum()).toBe(
        view.applied!.currentStep!.minReplicas,
      );

      const history: ScalingHistory = (await get('history?limit=20')).body;
      expect(history.events.map(event => event.action)).toEqual(
        expect.arrayContaining(['predictive-schedule.apply']),
      );

      const removed = await request(server)
        .delete(path(SERVICE, 'predictive-schedule?region=us-east'))
        .set('Authorization', mockCredentials.user.header());
      expect(removed.status).toBe(204);
      expect(await clusterMinimum()).toBe(2);
      expect(
        (await get('predictive-schedule?region=us-east')).body.applied,
      ).toBeUndefined();
    });
  },
);
