import {
  HourlyUsage,
  RegionWorkloads,
  hpaMinimumRecommendation,
  percentile,
  reservedRecommendation,
  rightSizingRecommendation,
  spotRecommendation,
  sumSavings,
} from './recommendations';

const entityRef = 'component:default/order-service';
const START = Date.parse('2026-11-01T00:00:00Z');

/** `count` consecutive hours from 1 November, each shaped by `shape(index, hourOfDay)`. */
function hours(
  count: number,
  shape: (index: number, hourOfDay: number) => Partial<HourlyUsage>,
  region = 'eu-west',
): HourlyUsage[] {
  return Array.from({ length: count }, (_, index) => ({
    hour: new Date(START + index * 3_600_000).toISOString(),
    region,
    cpuRequestCores: 2,
    cpuUsageCores: 1,
    memoryRequestGiB: 4,
    memoryUsageGiB: 2,
    cpuCost: 0.2,
    memoryCost: 0.05,
    ...shape(index, index % 24),
  }));
}

const workloads: RegionWorkloads = {
  region: 'eu-west',
  replicas: 3,
  cpuRequestCoresPerReplica: 0.5,
  memoryRequestGiBPerReplica: 1,
  stateful: false,
};

describe('percentile', () => {
  it('takes the nearest rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 0.95)).toBe(5);
    expect(percentile([5, 1, 4, 2, 3], 0.1)).toBe(1);
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('rightSizingRecommendation', () => {
  // CPU: 2 cores requested every hour, usage rising 0.01 → 1.00 over 100
  // hours, so the p95 share (rank 95) is 0.95 / 2 = 0.475 and 0.475 × 1.2 =
  // 57% of the request is proposed (0.285 of a replica's 0.5 cores). CPU
  // costs $0.20 an hour, $146 a month: 43% of it is $62.78 a month and
  // $753.36 a year. Memory: 3.9 of 4 GiB used, nothing to cut.
  const history = hours(100, index => ({
    cpuUsageCores: 0.01 * (index + 1),
    memoryUsageGiB: 3.9,
  }));

  it('proposes requests at p95 usage plus headroom, saving the cut’s share of the cost', () => {
    expect(
      rightSizingRecommendation({
        entityRef,
        hours: history,
        perReplica: { cpuCores: 0.5, memoryGiB: 1 },
        headroom: 0.2,
        minReduction: 0.1,
      }),
    ).toMatchObject({
      kind: 'right-sizing',
      monthlySavings: 62.78,
      annualSavings: 753.36,
      inputs: {
        hours: 100,
        cpuUsageP95ShareOfRequest: 0.475,
        cpuMonthlyCost: 146,
        cpuRequestPerReplicaCores: 0.5,
      },
      proposal: { cpuRequestShare: 0.57, cpuRequestPerReplicaCores: 0.285 },
    });
  });

  it('weighs each hour’s usage against that hour’s requests', () => {
    // Twice the replicas in the busy half, using twice as much: a quarter of
    // the request every hour, so 30% of it is proposed whatever the hour.
    const recommendation = rightSizingRecommendation({
      entityRef,
      hours: hours(48, (_, hourOfDay) =>
        hourOfDay < 12
          ? { cpuRequestCores: 2, cpuUsageCores: 0.5, memoryUsageGiB: 4 }
          : { cpuRequestCores: 4, cpuUsageCores: 1, memoryUsageGiB: 4 },
      ),
      headroom: 0.2,
      minReduction: 0.1,
    });
    expect(recommendation?.proposal).toEqual({ cpuRequestShare: 0.3 });
    // $146 a month × 70%
    expect(recommendation?.monthlySavings).toBe(102.2);
  });

  it('proposes nothing when usage is close to the requests', () => {
    expect(
      rightSizingRecommendation({
        entityRef,
        hours: history.map(h => ({ ...h, cpuUsageCores: 1.8 })),
        headroom: 0.2,
        minReduction: 0.1,
      }),
    ).toBeUndefined();
  });
});

describe('spotRecommendation', () => {
  const base = {
    entityRef,
    tier: 'standard',
    criticalTiers: ['critical'],
    workloads,
    // $0.30 + $0.10 an hour: $292 of compute a month.
    hours: hours(24, () => ({ cpuCost: 0.3, memoryCost: 0.1 })),
    spotDiscount: 0.6,
  };

  it('prices a stateless, non-critical service of 2+ replicas at the spot discount', () => {
    // $292 × 60% = $175.20 a month, $2,102.40 a year.
    expect(spotRecommendation(base)).toMatchObject({
      kind: 'spot',
      region: 'eu-west',
      monthlySavings: 175.2,
      annualSavings: 2102.4,
      inputs: { replicas: 3, spotDiscount: 0.6, tier: 'standard' },
    });
  });

  it.each([
    ['critical', { tier: 'critical' }],
    ['stateful', { workloads: { ...workloads, stateful: true } }],
    ['single-replica', { workloads: { ...workloads, replicas: 1 } }],
  ])('leaves a %s service on demand', (_, change) => {
    expect(spotRecommendation({ ...base, ...change })).toBeUndefined();
  });
});

describe('reservedRecommendation', () => {
  const replicas = [2, 2, 3, 3, 4, 4, 4, 5, 6, 7];

  it('reserves the p10 of hourly replicas, less what commitments cover', () => {
    // Replicas (requested cores over 0.5 a replica) average 4 and the p10 is
    // 2: half the compute is steady, a quarter of it already committed, so
    // 37.5% of $1 an hour ($730 a month) at 40% off saves $109.50 a month.
    expect(
      reservedRecommendation({
        entityRef,
        workloads,
        hours: hours(10, index => ({
          cpuRequestCores: replicas[index] * 0.5,
          cpuCost: 0.8,
          memoryCost: 0.2,
        })),
        baselinePercentile: 0.1,
        reservedDiscount: 0.4,
        committedShare: 0.25,
      }),
    ).toMatchObject({
      kind: 'reserved',
      monthlySavings: 109.5,
      annualSavings: 1314,
      proposal: { reservedReplicas: 2 },
      inputs: { baselineReplicas: 2, meanReplicas: 4, hours: 10 },
    });
  });

  it('reserves nothing for a workload that drops to zero', () => {
    expect(
      reservedRecommendation({
        entityRef,
        workloads,
        hours: hours(4, index => ({
          cpuRequestCores: [0, 0, 1.5, 1.5][index],
        })),
        baselinePercentile: 0.1,
        reservedDiscount: 0.4,
        committedShare: 0,
      }),
    ).toBeUndefined();
  });
});

describe('hpaMinimumRecommendation', () => {
  // Two days. 00:00–08:00 UTC is quiet: 0.6 cores used the first night, 0.7
  // the second, at the HPA's minimum of 10 replicas ($1 an hour); the rest of
  // the day 4 cores at 12 replicas ($1.20 an hour). A replica requests 0.5
  // cores and the HPA aims at 80%, so it serves 0.4 cores: the quiet hours'
  // p95 of 0.7 needs 2. A replica costs $0.10 an hour (mean cost over mean
  // replicas), so 8 fewer for 8 quiet hours a day save $6.40 a day: $194.67
  // a month, $2,336 a year.
  const history = hours(48, (index, hourOfDay) =>
    hourOfDay < 8
      ? {
          cpuUsageCores: index < 24 ? 0.6 : 0.7,
          cpuRequestCores: 5,
          cpuCost: 0.8,
          memoryCost: 0.2,
        }
      : { cpuUsageCores: 4, cpuRequestCores: 6, cpuCost: 1, memoryCost: 0.2 },
  );
  const base = {
    entityRef,
    workloads: {
      ...workloads,
      replicas: 12,
      autoscaler: { minReplicas: 10, cpuTargetUtilization: 80 },
    },
    hours: history,
    quietHoursPerDay: 8,
    floor: 2,
    ratio: 2,
  };

  it('lowers a minimum that far exceeds the quiet hours’ need', () => {
    expect(hpaMinimumRecommendation(base)).toMatchObject({
      kind: 'hpa',
      region: 'eu-west',
      monthlySavings: 194.67,
      annualSavings: 2336,
      inputs: {
        quietHoursPerDay: 8,
        quietCpuUsageP95Cores: 0.7,
        quietReplicasNeeded: 2,
        replicaHourlyCost: 0.1,
      },
      proposal: { minReplicas: 2 },
    });
  });

  it('keeps a minimum within the ratio of the need', () => {
    expect(
      hpaMinimumRecommendation({
        ...base,
        workloads: {
          ...base.workloads,
          autoscaler: { minReplicas: 3, cpuTargetUtilization: 80 },
        },
      }),
    ).toBeUndefined();
  });

  it('waits until every hour of the day has been seen', () => {
    expect(
      hpaMinimumRecommendation({ ...base, hours: history.slice(0, 20) }),
    ).toBeUndefined();
  });

  it('sums the savings shown on team and org pages', () => {
    const hpa = hpaMinimumRecommendation(base)!;
    const window = { start: '2026-11-01', end: '2026-11-03' };
    expect(sumSavings([hpa, hpa], window)).toEqual({
      count: 2,
      monthly: 389.34,
      annual: 4672.08,
      window,
    });
  });
});
