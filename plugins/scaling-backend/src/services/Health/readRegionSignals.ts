import {
  GOLDEN_SIGNALS,
  GoldenSignal,
  goldenSignalQuery,
  GoldenSignalSelector,
  GoldenSignalValues,
  limitSaturationQuery,
  promDurationSeconds,
} from '@meschain/backstage-plugin-scaling-common';
import { MetricsSource } from '@meschain/backstage-plugin-scaling-node';
import { settled, singleValue, sparkline } from './metricValues';
import { SparklineWindow } from './windows';

/** A service's golden signals in one region: now, and over the sparkline window. */
export interface RegionSignals {
  signals: GoldenSignalValues;
  series: Partial<Record<GoldenSignal, Array<[number, number]>>>;
  /** Why some figures are null: the first query that failed. */
  error?: string;
}

function bySignal<T>(value: (index: number) => T): Record<GoldenSignal, T> {
  return Object.fromEntries(
    GOLDEN_SIGNALS.map((signal, i) => [signal, value(i)]),
  ) as Record<GoldenSignal, T>;
}

/**
 * Reads each golden signal of a service in a region, over `rateWindow` at
 * `now`, and as a series over the sparkline window. A query that fails
 * leaves its signal null and is reported; the others are still read.
 */
export async function readRegionSignals(options: {
  metrics: MetricsSource;
  selector: GoldenSignalSelector & { region: string };
  rateWindow: string;
  /** Without it, only the current values are read. */
  sparkline?: SparklineWindow;
  now: Date;
}): Promise<RegionSignals> {
  const { metrics, selector, rateWindow, sparkline: window, now } = options;
  const { region } = selector;

  async function history(signal: GoldenSignal) {
    if (!window) return [];
    // A step longer than the rate window would skip samples between points.
    const seriesWindow =
      (promDurationSeconds(rateWindow) ?? 0) >= window.stepSeconds
        ? rateWindow
        : `${window.stepSeconds}s`;
    return metrics.queryRange(
      goldenSignalQuery(signal, selector, seriesWindow),
      {
        region,
        start: new Date(now.getTime() - window.seconds * 1000),
        end: now,
        stepSeconds: window.stepSeconds,
      },
    );
  }

  const [current, past] = await Promise.all([
    Promise.allSettled(
      GOLDEN_SIGNALS.map(signal =>
        metrics.query(goldenSignalQuery(signal, selector, rateWindow), {
          region,
          time: now,
        }),
      ),
    ),
    Promise.allSettled(GOLDEN_SIGNALS.map(history)),
  ]);
  const values = settled(current, []);
  const series = settled(past, []);
  return {
    signals: bySignal(i => singleValue(values.values[i])),
    series: window ? bySignal(i => sparkline(series.values[i])) : {},
    error: values.error ?? series.error,
  };
}

/** A service's CPU and memory use against its pods' limits in one region; null without limits. */
export async function readLimitSaturation(options: {
  metrics: MetricsSource;
  selector: GoldenSignalSelector & { region: string };
  rateWindow: string;
  now: Date;
}): Promise<{ cpu: number | null; memory: number | null }> {
  const { metrics, selector, rateWindow, now } = options;
  const [cpu, memory] = await Promise.all(
    (['cpu', 'memory'] as const).map(async resource =>
      singleValue(
        await metrics.query(
          limitSaturationQuery(resource, selector, rateWindow),
          { region: selector.region, time: now },
        ),
      ),
    ),
  );
  return { cpu, memory };
}
