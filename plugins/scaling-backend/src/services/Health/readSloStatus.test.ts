import { Entity } from '@backstage/catalog-model';
import { MetricsSource } from '@meschain/backstage-plugin-scaling-node';
import { readSloStatus } from './readSloStatus';

const NOW = new Date('2026-12-05T12:00:00Z');

function entity(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'web', namespace: 'default', annotations },
    spec: {},
  };
}

/** Each region's requests per second by code, the same over every window, as a Prometheus per region would answer. */
function metrics(
  byRegion: Record<string, { ok: number; failed: number } | Error>,
): MetricsSource {
  return {
    async query(promql, { region }) {
      const rates = byRegion[region];
      if (rates instanceof Error) throw rates;
      expect(promql).toContain(`region="${region}"`);
      return [
        {
          labels: { code: '2xx' },
          time: NOW.getTime() / 1000,
          value: rates.ok,
        },
        {
          labels: { code: '5xx' },
          time: NOW.getTime() / 1000,
          value: rates.failed,
        },
      ];
    },
    async queryRange() {
      throw new Error('not used');
    },
  };
}

describe('readSloStatus', () => {
  it("sums the regions' requests before dividing, and pages on a fast burn", async () => {
    const status = await readSloStatus({
      metrics: metrics({
        'eu-west': { ok: 80, failed: 20 },
        'eu-central': { ok: 100, failed: 0 },
      }),
      entity: entity(),
      defaults: {},
      selector: { service: 'web' },
      regions: ['eu-west', 'eu-central'],
      now: NOW,
    });
    // 20 failed of 200: 10 %, a hundred times the 0.1 % budget.
    expect(status.burnRates.find(r => r.window === '5m')!.rate).toBeCloseTo(
      100,
      9,
    );
    expect(status.errorBudgetRemaining).toBe(0);
    expect(status.firing.map(f => f.factor)).toEqual([14.4, 6, 3, 1]);
    expect(status.error).toBeUndefined();
  });

  it('leaves the budget whole without failures, by the annotated objective', async () => {
    const status = await readSloStatus({
      metrics: metrics({ 'eu-west': { ok: 100, failed: 0 } }),
      entity: entity({ 'meschain.io/slo-availability': '99.5' }),
      defaults: { availability: 99.9 },
      selector: { service: 'web' },
      regions: ['eu-west'],
      now: NOW,
    });
    expect(status).toMatchObject({
      availability: 99.5,
      errorBudgetRemaining: 1,
      firing: [],
    });
    expect(status.burnRates.every(r => r.rate === 0)).toBe(true);
  });

  it('names a region it could not read and an annotation it could not parse', async () => {
    const status = await readSloStatus({
      metrics: metrics({
        'eu-west': { ok: 100, failed: 0 },
        'eu-central': new Error(
          'Prometheus of region eu-central could not be reached: timeout',
        ),
      }),
      entity: entity({ 'meschain.io/slo-availability': 'high' }),
      defaults: {},
      selector: { service: 'web' },
      regions: ['eu-west', 'eu-central'],
      now: NOW,
    });
    expect(status.availability).toBe(99.9);
    expect(status.error).toBe(
      'The meschain.io/slo-availability annotation of component:default/web is "high"; expected a percentage above 0 and below 100, e.g. "99.9"; the configured objectives apply instead. ' +
        'The figures leave out eu-central (Prometheus of region eu-central could not be reached: timeout)',
    );
  });
});
