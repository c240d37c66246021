import { Entity } from '@backstage/catalog-model';
import { toError } from '@backstage/errors';
import {
  BURN_RATE_WINDOWS,
  burnRate,
  DEFAULT_SLO,
  errorBudgetRemaining,
  firingBurnRateAlerts,
  GoldenSignalSelector,
  requestRateByCodeQuery,
  ServiceSlo,
  serviceSlo,
  SloAnnotationError,
  SloStatus,
} from '@meschain/backstage-plugin-scaling-common';
import { MetricsSource } from '@meschain/backstage-plugin-scaling-node';

/** Requests and errors per second over one window, summed over the regions read. */
type Rates = { total: number; errors: number };

/**
 * A service's objectives; with an annotation that does not parse, the
 * configured ones and why, rather than no figures at all.
 */
export function objectivesOf(
  entity: Entity,
  defaults: Partial<ServiceSlo>,
): { slo: ServiceSlo; error?: string } {
  try {
    return { slo: serviceSlo(entity, defaults) };
  } catch (error) {
    if (error instanceof SloAnnotationError) {
      return {
        slo: { ...DEFAULT_SLO, ...defaults },
        error: `${error.message}; the configured objectives apply instead`,
      };
    }
    throw error;
  }
}

/**
 * A service's SLO across its regions: the error budget left over the SLO
 * window and the burn rate over each alerting window. Each region's
 * requests are read by status code and summed, so that the figures hold
 * whether the regions share one Prometheus or have one each.
 */
export async function readSloStatus(options: {
  metrics: MetricsSource;
  entity: Entity;
  defaults: Partial<ServiceSlo>;
  selector: Omit<GoldenSignalSelector, 'region'>;
  regions: string[];
  now: Date;
}): Promise<SloStatus> {
  const { metrics, entity, defaults, selector, regions, now } = options;
  const { slo, error: objectivesError } = objectivesOf(entity, defaults);
  const windows = [...BURN_RATE_WINDOWS, `${slo.windowDays}d`];

  async function ratesOf(region: string): Promise<Rates[]> {
    return Promise.all(
      windows.map(async window => {
        const samples = await metrics.query(
          requestRateByCodeQuery({ ...selector, region }, window),
          { region, time: now },
        );
        const rate = (sample: { value: number }) =>
          Number.isFinite(sample.value) ? sample.value : 0;
        return {
          total: samples.reduce((sum, sample) => sum + rate(sample), 0),
          errors: samples
            .filter(sample => sample.labels.code === '5xx')
            .reduce((sum, sample) => sum + rate(sample), 0),
        };
      }),
    );
  }

  const perRegion = await Promise.allSettled(regions.map(ratesOf));
  const unread = regions.flatMap((region, i) => {
    const result = perRegion[i];
    return result.status === 'rejected'
      ? [`${region} (${toError(result.reason).message})`]
      : [];
  });
  const errorRatios = windows.map((_, w) => {
    let total = 0;
    let errors = 0;
    for (const result of perRegion) {
      if (result.status === 'fulfilled') {
        total += result.value[w].total;
        errors += result.value[w].errors;
      }
    }
    return total > 0 ? errors / total : undefined;
  });
  const readings = BURN_RATE_WINDOWS.map((window, w) => ({
    window,
    rate: burnRate(errorRatios[w], slo),
  }));
  const problems = [
    objectivesError,
    unread.length > 0 && `The figures leave out ${unread.join('; ')}`,
  ].filter((problem): problem is string => Boolean(problem));

  return {
    availability: slo.availability,
    latencyP95Ms: slo.latencyP95Ms,
    windowDays: slo.windowDays,
    errorBudgetRemaining: errorBudgetRemaining(
      errorRatios[windows.length - 1],
      slo,
    ),
    burnRates: readings.map(({ window, rate }) => ({
      window,
      rate: rate ?? null,
    })),
    firing: firingBurnRateAlerts(readings, slo.windowDays).map(
      ({ severity, longWindow, shortWindow, factor }) => ({
        severity,
        longWindow,
        shortWindow,
        factor,
      }),
    ),
    ...(problems.length > 0 && { error: problems.join('. ') }),
  };
}
