import { Config } from '@backstage/config';

const DEFAULT_DR_SCALE_UP_LIMIT_MINUTES = 10;

/** `scaling.dr.maxScaleUpMinutes`: how long a DR partner may take to scale up and still pass. */
export function readDrScaleUpLimitMinutes(config: Config): number {
  const minutes =
    config.getOptionalNumber('scaling.dr.maxScaleUpMinutes') ??
    DEFAULT_DR_SCALE_UP_LIMIT_MINUTES;
  if (!(minutes > 0)) {
    throw new Error(
      `scaling.dr.maxScaleUpMinutes must be a positive number of minutes, got ${minutes}`,
    );
  }
  return minutes;
}
