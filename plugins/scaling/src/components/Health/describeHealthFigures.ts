import { HealthCheck } from '@meschain/backstage-plugin-scaling-common';
import { formatNumber } from '../../format';
import { formatRatio } from './signalFormat';

/** Figures named so are shares of a whole (0..1), shown as percentages. */
const RATIO = /(Ratio|Saturation|Use)$/;

/** A figure's unit, from the suffix of its name; the name is shown without it. */
const UNITS: Array<[RegExp, string]> = [
  [/Ms$/, 'ms'],
  [/Seconds$/, 's'],
];

/** `latencyP95Ms` as `latency p95`; a condition type such as `ScalingLimited` stays as it is. */
function words(name: string): string {
  if (/^[A-Z]/.test(name)) {
    return name;
  }
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function describeFigure(key: string, value: number | string): string {
  // An autoscaler's figures are `<hpa name>.<figure>`.
  const dot = key.lastIndexOf('.');
  const owner = dot >= 0 ? `${key.slice(0, dot)} ` : '';
  let name = key.slice(dot + 1);
  let shown = String(value);
  if (typeof value === 'number') {
    shown = RATIO.test(name) ? formatRatio(value) : formatNumber(value);
    for (const [suffix, unit] of UNITS) {
      if (suffix.test(name)) {
        name = name.replace(suffix, '');
        shown = `${shown} ${unit}`;
      }
    }
  }
  return `${owner}${words(name)}: ${shown}`;
}

/** A check's figures in one line: `ready: 3; desired: 3; latency p95: 182 ms`. */
export function describeHealthFigures(figures: HealthCheck['figures']): string {
  return Object.entries(figures)
    .map(([key, value]) => describeFigure(key, value))
    .join('; ');
}
