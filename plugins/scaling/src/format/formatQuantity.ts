import {
  parseQuantity,
  Quantity,
} from '@meschain/backstage-plugin-scaling-common';
import { QuantityUnit, unitOfMetric } from './quantityUnits';

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/**
 * A number as people read it: thousands grouped, and as many decimals as
 * matter at its size (`863`, `42.5`, `1.34`, `0.25`), never in exponent form.
 */
export function formatNumber(value: number): string {
  const size = Math.abs(value);
  let digits = 2;
  if (size >= 100) digits = 0;
  else if (size >= 10) digits = 1;
  return new Intl.NumberFormat('en-US', {
    maximumFractionDigits: digits,
  }).format(value);
}

/** A count with its noun, singular for one: `1 replica`, `3 replicas`, `1,200 pods`. */
export function formatCount(
  count: number,
  singular: string,
  plural = `${singular}s`,
): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/**
 * @public
 * An amount with its currency: cents below 1,000, whole units above, where
 * cents would only be noise.
 */
export function formatMoney(amount: number, currency: string): string {
  const digits = Math.abs(amount) < 1000 ? 2 : 0;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** A share of a whole, e.g. `42.5 %` for 0.425; `n/a` when there is no whole. */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? 'n/a' : `${(ratio * 100).toFixed(1)} %`;
}

function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value)} ${BINARY_UNITS[unit]}`;
}

/**
 * A value in its unit: `863 /min`, `12.5 /s`, `164 ms`, `1.5 s`, `512 MiB`,
 * `0.25 cores`, `70 %`, `65 %` for a fraction of 0.65, `$14.66`, `1.34`.
 * Money needs the currency; without one it is shown as a plain number.
 */
export function formatQuantity(
  value: number,
  unit: QuantityUnit,
  currency?: string,
): string {
  switch (unit) {
    case 'perMinute':
      return `${formatNumber(value)} /min`;
    case 'perSecond':
      return `${formatNumber(value)} /s`;
    case 'milliseconds':
      return `${formatNumber(value)} ms`;
    case 'seconds':
      return Math.abs(value) < 1
        ? `${formatNumber(value * 1000)} ms`
        : `${formatNumber(value)} s`;
    case 'bytes':
      return formatBytes(value);
    case 'gibibytes':
      return `${formatNumber(value)} GiB`;
    case 'cores':
      return `${formatNumber(value)} ${value === 1 ? 'core' : 'cores'}`;
    case 'hours':
      return `${formatNumber(value)} h`;
    case 'percent':
      return `${formatNumber(value)} %`;
    case 'fraction':
      return `${formatNumber(value * 100)} %`;
    case 'money':
      return currency ? formatMoney(value, currency) : formatNumber(value);
    default:
      return formatNumber(value);
  }
}

/**
 * An HPA metric's value, a Kubernetes quantity such as `863079m` or `1k`,
 * in the unit its name implies: `863 /min` for `http_requests_per_minute`.
 * A quantity that cannot be read is shown as it came.
 */
export function formatMetricQuantity(
  quantity: Quantity,
  metricName: string,
): string {
  let value: number;
  try {
    value = parseQuantity(quantity);
  } catch {
    return String(quantity);
  }
  return formatQuantity(value, unitOfMetric(metricName));
}
