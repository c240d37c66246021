import {
  DailyUsage,
  hpaMinimumRecommendation,
  percentile,
  reservedRecommendation,
  rightSizingRecommendation,
  spotRecommendation,
  sumSavings,
} from './recommendations';

const entityRef = 'component:default/order-service';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 0.95)).toBe(5);
    expect(percentile([5, 1, 4, 2, 3], 0.1)).toBe(1);
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('rightSizingRecommendation', () => {
  // CPU: 2 cores requested all along, usage rising 0.05 → 1.00 over 20 days,
  // so p95 (rank 19) is 0.95 and 0.95 × 1.2 = 1.14 cores is proposed: 43% of
  // $4.80 a day, $2.064 a day, is $62.78 a month and $753.36 a year.
  // Memory: 4 GiB requested, 3.9 used: 4.68 with headroom, nothing to cut.
  const days: DailyUsage[] = Array.from({ length: 20 }, (_, i) => ({
    cpuRequestCores: 2,
    cpuUsageCores: 0.05 * (i + 1),
    memoryRequestGiB: 4,
    memoryUsageGiB: 3.9,
    cpuCost: 4.8,
    memoryCost: 0.5,
  }));

  it('proposes requests at p95 usage plus headroom, saving the cut’s share of the cost', () => {
    expect(
      rightSizingRecommendation({
        entityRef,
        days,
        headroom: 0.2,
        minReduction: 0.1,
      }),
    ).toMatchObject({
      kind: 'right-sizing',
      monthlySavings: 62.78,
      annualSavings: 753.36,
      inputs: { cpuRequestCores: 2, cpuUsageP95Cores: 0.95, days: 20 },
      proposal: { cpuRequestCores: 1.14 },
    });
  });

  it('proposes nothing when usage is close to the requests', () => {
    expect(
      rightSizingRecommendation({
        entityRef,
        days: days.map(d => ({ ...d, cpuUsageCores: 1.8 })),
        headroom: 0.2,
        minReduction: 0.1,
      }),
    ).toBeUndefined();
  });
});

describe('spotRecommendation', () => {
  const region = {
    region: 'eu-west',
    dailyComputeCost: 10,
    dailyReplicas: [3, 3],
    replicas: 3,
  };
  const base = {
    entityRef,
    tier: 'standard',
    criticalTiers: ['critical'],
    stateful: false,
    region,
    spotDiscount: 0.6,
  };

  it('prices a stateless, non-critical service of 2+ replicas at the spot discount', () => {
    // $10 a day × 60% = $6 a day: $182.50 a month, $2,190 a year.
    expect(spotRecommendation(base)).toMatchObject({
      kind: 'spot',
      region: 'eu-west',
      monthlySavings: 182.5,
      annualSavings: 2190,
      inputs: { replicas: 3, spotDiscount: 0.6, tier: 'standard' },
    });
  });

  it.each([
    ['critical', { tier: 'critical' }],
    ['stateful', { stateful: true }],
    ['single-replica', { region: { ...region, replicas: 1 } }],
  ])('leaves a %s service on demand', (_, change) => {
    expect(spotRecommendation({ ...base, ...change })).toBeUndefined();
  });
});

describe('reservedRecommendation', () => {
  it('reserves the p10 of daily replicas, less what commitments cover', () => {
    // Replicas average 4 and never drop below 2 (p10): half the compute is
    // steady, a quarter of it already committed, so 37.5% of $8 a day at 40%
    // off saves $1.20 a day: $36.50 a month, $438 a year.
    expect(
      reservedRecommendation({
        entityRef,
        region: {
          region: 'us-east',
          dailyComputeCost: 8,
          dailyReplicas: [2, 2, 3, 3, 4, 4, 4, 5, 6, 7],
          replicas: 4,
        },
        baselinePercentile: 0.1,
        reservedDiscount: 0.4,
        committedShare: 0.25,
      }),
    ).toMatchObject({
      kind: 'reserved',
      monthlySavings: 36.5,
      annualSavings: 438,
      proposal: { reservedReplicas: 2 },
      inputs: { baselineReplicas: 2, meanReplicas: 4 },
    });
  });

  it('reserves nothing for a workload that drops to zero', () => {
    expect(
      reservedRecommendation({
        entityRef,
        region: {
          region: 'us-east',
          dailyComputeCost: 8,
          dailyReplicas: [0, 0, 3, 3],
          replicas: 3,
        },
        baselinePercentile: 0.1,
        reservedDiscount: 0.4,
        committedShare: 0,
      }),
    ).toBeUndefined();
  });
});

describe('hpaMinimumRecommendation', () => {
  const base = {
    entityRef,
    region: 'eu-west',
    minReplicas: 10,
    quietReplicasNeeded: 2,
    floor: 2,
    ratio: 2,
    replicaDailyCost: 1.2,
    quietHoursPerDay: 8,
  };

  it('lowers a minimum that far exceeds the quiet hours’ need', () => {
    // 8 replicas × $1.20 a day × 8/24 of the day = $3.20 a day:
    // $97.33 a month, $1,168 a year.
    expect(hpaMinimumRecommendation(base)).toMatchObject({
      kind: 'hpa',
      monthlySavings: 97.33,
      annualSavings: 1168,
      proposal: { minReplicas: 2 },
    });
  });

  it('keeps a minimum within the ratio of the need', () => {
    expect(
      hpaMinimumRecommendation({ ...base, minReplicas: 3 }),
    ).toBeUndefined();
  });

  it('sums the savings shown on team and org pages', () => {
    const hpa = hpaMinimumRecommendation(base)!;
    expect(sumSavings([hpa, hpa])).toEqual({
      count: 2,
      monthly: 194.66,
      annual: 2335.92,
    });
  });
});
