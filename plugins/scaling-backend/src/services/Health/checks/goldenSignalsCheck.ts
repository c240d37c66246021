import {
  burnRate,
  burnRateWindows,
  GoldenSignalValues,
  HealthCheck,
  ServiceSlo,
} from '@meschain/backstage-plugin-scaling-common';
import { HealthStatus, unreadCheck, worse } from './types';

const CHECK = { id: 'golden-signals', title: 'Golden signals against the SLO' };
/** Saturation of requests at which a service has little headroom left. */
export const SATURATION_WARNING = 0.9;

const percent = (ratio: number) =>
  `${(Math.round(ratio * 10000) / 100).toString()} %`;

/**
 * A region's current golden signals against the service's SLO: an error
 * ratio that would page (the fastest burn-rate factor) or a p95 over the
 * objective fails; burning the budget faster than it lasts, or saturation
 * near the requests, warns.
 */
export function goldenSignalsCheck(options: {
  region: string;
  signals: GoldenSignalValues;
  error?: string;
  slo: ServiceSlo;
  rateWindow: string;
  /** Use against the pods' limits, where they have limits. */
  limits?: { cpu: number | null; memory: number | null };
  checkedAt: string;
}): HealthCheck {
  const { region, signals, error, slo, rateWindow, limits, checkedAt } =
    options;
  const base = { ...CHECK, region };
  if (signals.requestRate === null) {
    return unreadCheck(
      base,
      error ?? `Prometheus has no request series of the service in ${region}`,
      checkedAt,
    );
  }
  const figures: Record<string, number | string> = {
    requestRate: signals.requestRate,
    sloAvailability: slo.availability,
    sloLatencyP95Ms: slo.latencyP95Ms,
    rateWindow,
  };
  const findings: string[] = [];
  let status: HealthStatus = 'pass';

  const rate = burnRate(signals.errorRatio, slo);
  if (signals.errorRatio !== null && rate !== undefined) {
    figures.errorRatio = signals.errorRatio;
    figures.burnRate = rate;
    const [fastest] = burnRateWindows(slo.windowDays);
    if (rate >= fastest.factor) {
      status = 'fail';
      findings.push(
        `${percent(
          signals.errorRatio,
        )} of requests fail, burning the error budget ${rate.toFixed(
          1,
        )}× as fast as it lasts`,
      );
    } else if (rate > 1) {
      status = worse(status, 'warn');
      findings.push(
        `${percent(
          signals.errorRatio,
        )} of requests fail, more than the ${percent(
          1 - slo.availability / 100,
        )} budget`,
      );
    }
  }
  if (signals.latencyP95 !== null) {
    const p95Ms = signals.latencyP95 * 1000;
    figures.latencyP95Ms = Math.round(p95Ms * 10) / 10;
    if (p95Ms > slo.latencyP95Ms) {
      status = 'fail';
      findings.push(
        `p95 latency ${Math.round(p95Ms)} ms is over the ${
          slo.latencyP95Ms
        } ms objective`,
      );
    }
  }
  for (const [name, value] of [
    ['CPU', signals.cpuSaturation],
    ['Memory', signals.memorySaturation],
  ] as const) {
    if (value === null) continue;
    figures[name === 'CPU' ? 'cpuSaturation' : 'memorySaturation'] = value;
    if (value >= SATURATION_WARNING) {
      status = worse(status, 'warn');
      findings.push(`${name} use is ${percent(value)} of requests`);
    }
  }
  for (const [name, value] of [
    ['CPU', limits?.cpu ?? null],
    ['Memory', limits?.memory ?? null],
  ] as const) {
    if (value === null) continue;
    figures[name === 'CPU' ? 'cpuLimitSaturation' : 'memoryLimitSaturation'] =
      value;
    if (value >= SATURATION_WARNING) {
      status = worse(status, 'warn');
      findings.push(`${name} use is ${percent(value)} of limits`);
    }
  }
  if (signals.requestRate === 0) {
    findings.push(`No requests over the last ${rateWindow}`);
  }
  return {
    ...base,
    status,
    summary:
      findings.join('; ') ||
      `${signals.requestRate.toFixed(1)} req/s within the SLO: ${
        slo.availability
      } % available, p95 under ${slo.latencyP95Ms} ms`,
    figures,
    checkedAt,
  };
}
