import { toError } from '@backstage/errors';
import {
  DependencySignal,
  dependencySignalQuery,
  HealthCheck,
} from '@meschain/backstage-plugin-scaling-common';
import { MetricsSource } from '@meschain/backstage-plugin-scaling-node';
import { singleValue } from '../metricValues';
import { HealthStatus, unreadCheck, worse } from './types';

/** A catalog Resource the service `dependsOn`. */
export interface Dependency {
  name: string;
  title?: string;
  /** The Resource's `spec.type`, e.g. `database`, `cache`, `queue`. */
  type: string;
}

/** Limits past which a dependency warns, then fails. */
export const DEPENDENCY_LIMITS = {
  poolUse: { warn: 0.8, fail: 0.95 },
  replicationLagSeconds: { warn: 10, fail: 30 },
  cacheHitRatio: { warn: 0.8, fail: 0.5 },
  queueMessages: { warn: 1_000, fail: 10_000 },
};

const SIGNALS_OF_TYPE: Record<string, DependencySignal[]> = {
  database: [
    'dbConnectionsInUse',
    'dbConnectionsMax',
    'dbReplicationLagSeconds',
  ],
  cache: ['cacheHitRatio'],
  queue: ['queueMessages'],
};

/** Whether the health of a Resource of this type is read. */
export function isCheckedDependency(dependency: Dependency): boolean {
  return dependency.type in SIGNALS_OF_TYPE;
}

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10} %`;

/**
 * A database's connection pool and replication lag, a cache's hit ratio or
 * a queue's waiting messages, in one region.
 */
export async function dependencyCheck(options: {
  metrics: MetricsSource;
  dependency: Dependency;
  region: string;
  rateWindow: string;
  now: Date;
}): Promise<HealthCheck> {
  const { metrics, dependency, region, rateWindow, now } = options;
  const checkedAt = now.toISOString();
  const base = {
    id: `dependency:${dependency.name}`,
    title: dependency.title ?? dependency.name,
    region,
  };
  const signals = SIGNALS_OF_TYPE[dependency.type] ?? [];
  let values: Array<number | null>;
  try {
    values = await Promise.all(
      signals.map(async signal =>
        singleValue(
          await metrics.query(
            dependencySignalQuery(
              signal,
              { resource: dependency.name, region },
              rateWindow,
            ),
            { region, time: now },
          ),
        ),
      ),
    );
  } catch (error) {
    return unreadCheck(base, toError(error).message, checkedAt);
  }
  const value = Object.fromEntries(
    signals.map((signal, i) => [signal, values[i]]),
  ) as Partial<Record<DependencySignal, number | null>>;
  if (values.every(v => v === null)) {
    return unreadCheck(
      base,
      `Prometheus has no series of ${dependency.name} in ${region}`,
      checkedAt,
    );
  }

  let status: HealthStatus = 'pass';
  const figures: Record<string, number | string> = {};
  const findings: string[] = [];
  const judge = (
    figure: number,
    limits: { warn: number; fail: number },
    lowIsBad = false,
  ): HealthStatus => {
    const past = (limit: number) =>
      lowIsBad ? figure < limit : figure >= limit;
    if (past(limits.fail)) return 'fail';
    if (past(limits.warn)) return 'warn';
    return 'pass';
  };

  const inUse = value.dbConnectionsInUse;
  const max = value.dbConnectionsMax;
  if (inUse !== undefined && inUse !== null) {
    figures.connectionsInUse = inUse;
    if (max) {
      const use = inUse / max;
      figures.connectionsMax = max;
      figures.poolUse = use;
      status = worse(status, judge(use, DEPENDENCY_LIMITS.poolUse));
      findings.push(`pool ${inUse} of ${max} connections (${percent(use)})`);
    } else {
      findings.push(`${inUse} connections in use`);
    }
  }
  const lag = value.dbReplicationLagSeconds;
  if (lag !== undefined && lag !== null) {
    figures.replicationLagSeconds = lag;
    status = worse(status, judge(lag, DEPENDENCY_LIMITS.replicationLagSeconds));
    findings.push(`replication lag ${lag} s`);
  }
  if (value.cacheHitRatio !== undefined) {
    const ratio = value.cacheHitRatio;
    if (ratio === null) {
      findings.push(`no lookups over the last ${rateWindow}`);
    } else {
      figures.cacheHitRatio = ratio;
      status = worse(
        status,
        judge(ratio, DEPENDENCY_LIMITS.cacheHitRatio, true),
      );
      findings.push(`hit ratio ${percent(ratio)}`);
    }
  }
  const messages = value.queueMessages;
  if (messages !== undefined && messages !== null) {
    figures.queueMessages = messages;
    status = worse(status, judge(messages, DEPENDENCY_LIMITS.queueMessages));
    findings.push(`${messages} messages waiting`);
  }
  const summary = findings.join(', ');
  return {
    ...base,
    status,
    summary: `${dependency.title ?? dependency.name} in ${region}: ${summary}`,
    figures,
    checkedAt,
  };
}
