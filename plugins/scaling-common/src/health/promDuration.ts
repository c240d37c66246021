const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31536000,
};

/** @public Whether `value` is a Prometheus duration such as `5m` or `1h30m`. */
export function isPromDuration(value: string): boolean {
  return DURATION.test(value);
}

/** @public The seconds of a Prometheus duration such as `1h30m`; undefined when it is not one. */
export function promDurationSeconds(value: string): number | undefined {
  if (!isPromDuration(value)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
    seconds += Number(amount) * UNIT_SECONDS[unit];
  }
  return seconds;
}
