import { InputError } from '@backstage/errors';
import { promDurationSeconds } from '@meschain/backstage-plugin-scaling-common';

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
  const seconds = promDurationSeconds(window);
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
