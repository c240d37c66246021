import { InputError } from '@backstage/errors';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds of a simple Prometheus duration such as `90s`, `5m`, `1h` or `7d`; undefined otherwise. */
export function durationSeconds(duration: string): number | undefined {
  const match = /^(\d+)([smhd])$/.exec(duration);
  return match ? Number(match[1]) * UNIT_SECONDS[match[2]] : undefined;
}

const MIN_WINDOW_SECONDS = 5 * 60;
const MAX_WINDOW_SECONDS = 7 * 86400;
/** Points per sparkline. */
const SPARKLINE_POINTS = 60;

/** The span of the sparklines, and the step between their points. */
export interface SparklineWindow {
  window: string;
  seconds: number;
  stepSeconds: number;
}

export function readSparklineWindow(window: string): SparklineWindow {
  const seconds = durationSeconds(window);
  if (
    seconds === undefined ||
    seconds < MIN_WINDOW_SECONDS ||
    seconds > MAX_WINDOW_SECONDS
  ) {
    throw new InputError(
      `window must be a span from 5m to 7d such as 1h or 6h, not "${window}"`,
    );
  }
  return {
    window,
    seconds,
    stepSeconds: Math.max(1, Math.round(seconds / SPARKLINE_POINTS)),
  };
}
