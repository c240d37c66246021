import {
  LoadSample,
  promMatchers,
} from '@meschain/backstage-plugin-scaling-common';
import { MetricsSource } from '@meschain/backstage-plugin-scaling-node';
import { LoadHistorySource } from '../Predictive/historySource';

/** A period of a service's load in one region, and where it came from. */
export interface RecordedLoad {
  samples: LoadSample[];
  source: 'prometheus' | 'stored-usage';
  /** The samples' resolution. */
  stepSeconds: number;
}

/** Reads the load a what-if replay plays. */
export interface WhatIfLoadSource {
  load(options: {
    entityRef: string;
    /** The `service` label of the entity's series. */
    service: string;
    region: string;
    start: Date;
    end: Date;
  }): Promise<RecordedLoad>;
}

const PROMETHEUS_STEP_SECONDS = 60;
/** Prometheus refuses a range query of more than 11,000 points per series. */
const MAX_POINTS_PER_QUERY = 10_000;
const HOUR_MS = 3_600_000;

/** Sums the points of every series by time: the service's pods may come back as several series. */
function sumByTime(
  series: Array<{ points: Array<[number, number]> }>,
): Map<number, number> {
  const sums = new Map<number, number>();
  for (const { points } of series) {
    for (const [at, value] of points) {
      if (Number.isFinite(value)) sums.set(at, (sums.get(at) ?? 0) + value);
    }
  }
  return sums;
}

/**
 * The service's CPU use and request rate at 1 minute from Prometheus, in
 * chunks a range query accepts. CPU use counts the pods' idle use too: the
 * replay sees it as load, spread over the pods like the rest.
 */
async function prometheusLoad(
  metrics: MetricsSource,
  options: { service: string; region: string; start: Date; end: Date },
): Promise<LoadSample[]> {
  const { service, region, start, end } = options;
  const selector = promMatchers({ service, region });
  const cpuQuery = `sum(rate(container_cpu_usage_seconds_total${selector}[2m])) * 1000`;
  const rateQuery = `sum(rate(http_requests_total${selector}[2m]))`;
  const chunkMs = MAX_POINTS_PER_QUERY * PROMETHEUS_STEP_SECONDS * 1000;
  const cpu = new Map<number, number>();
  const rates = new Map<number, number>();
  for (let from = start.getTime(); from < end.getTime(); from += chunkMs) {
    const range = {
      region,
      start: new Date(from),
      end: new Date(Math.min(end.getTime(), from + chunkMs)),
      stepSeconds: PROMETHEUS_STEP_SECONDS,
    };
    const [cpuSeries, rateSeries] = await Promise.all([
      metrics.queryRange(cpuQuery, range),
      metrics.queryRange(rateQuery, range),
    ]);
    sumByTime(cpuSeries).forEach((value, at) => cpu.set(at, value));
    sumByTime(rateSeries).forEach((value, at) => rates.set(at, value));
  }
  return [...cpu.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, cpuMillicores]) => ({
      at: at * 1000,
      cpuMillicores,
      requestsPerSecond: rates.get(at),
    }));
}

/**
 * Prometheus at 1 minute where a metrics source is configured and has the
 * service's series; the hourly usage the cost ingestion stores otherwise.
 */
export function createWhatIfLoadSource(options: {
  metrics?: MetricsSource;
  history: LoadHistorySource;
}): WhatIfLoadSource {
  const { metrics, history } = options;
  return {
    async load({ entityRef, service, region, start, end }) {
      if (metrics) {
        const samples = await prometheusLoad(metrics, {
          service,
          region,
          start,
          end,
        });
        if (samples.length > 1) {
          return {
            samples,
            source: 'prometheus',
            stepSeconds: PROMETHEUS_STEP_SECONDS,
          };
        }
      }
      const hours = await history.hourlyCpu(entityRef, region, start);
      return {
        samples: hours
          .filter(hour => hour.at >= start.getTime() && hour.at < end.getTime())
          .map(hour => ({ at: hour.at, cpuMillicores: hour.value })),
        source: 'stored-usage',
        stepSeconds: HOUR_MS / 1000,
      };
    },
  };
}
