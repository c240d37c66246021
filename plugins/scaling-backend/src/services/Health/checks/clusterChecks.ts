import {
  ClusterScalingState,
  HealthCheck,
} from '@meschain/backstage-plugin-scaling-common';
import { HealthStatus, unreadCheck, worse } from './types';

const POD_CHECK = { id: 'pods-ready', title: 'Pods ready' };
const HPA_CHECK = { id: 'hpa-conditions', title: 'Autoscaler conditions' };

/** Ready pods against the replicas asked for, over the service's workloads in one cluster. */
export function podsReadyCheck(
  state: ClusterScalingState,
  now: string,
): HealthCheck {
  const checkedAt = state.observedAt ?? now;
  const base = { ...POD_CHECK, region: state.region };
  if (state.error || !state.workloads) {
    return unreadCheck(base, state.error?.message ?? 'no answer', checkedAt);
  }
  const desired = state.workloads.reduce((n, w) => n + w.replicas.desired, 0);
  const ready = state.workloads.reduce((n, w) => n + w.replicas.ready, 0);
  const figures = { ready, desired, workloads: state.workloads.length };
  const where = state.cluster ?? state.region;
  if (state.workloads.length === 0) {
    return {
      ...base,
      status: 'warn',
      summary: `No workload of the service runs in ${where}`,
      figures,
      checkedAt,
    };
  }
  let status: HealthStatus = 'pass';
  if (desired > 0 && ready === 0) status = 'fail';
  else if (ready < desired) status = 'warn';
  return {
    ...base,
    status,
    summary:
      desired === 0
        ? `Scaled to zero in ${where}`
        : `${ready} of ${desired} pods ready in ${where}`,
    figures,
    checkedAt,
  };
}

/**
 * The service's autoscalers: failing to fetch metrics or unable to scale
 * fails; held at the maximum (`ScalingLimited` at `maxReplicas`) warns.
 */
export function autoscalerCheck(
  state: ClusterScalingState,
  now: string,
): HealthCheck {
  const checkedAt = state.observedAt ?? now;
  const base = { ...HPA_CHECK, region: state.region };
  if (state.error || !state.workloads) {
    return unreadCheck(base, state.error?.message ?? 'no answer', checkedAt);
  }
  const autoscalers = state.workloads.flatMap(w =>
    w.autoscaler ? [w.autoscaler] : [],
  );
  if (autoscalers.length === 0) {
    return {
      ...base,
      status: 'pass',
      summary: 'No HorizontalPodAutoscaler: replicas are set by hand',
      figures: { autoscalers: 0 },
      checkedAt,
    };
  }
  let status: HealthStatus = 'pass';
  const findings: string[] = [];
  const figures: Record<string, number | string> = {
    autoscalers: autoscalers.length,
  };
  for (const hpa of autoscalers) {
    const condition = (type: string) =>
      hpa.conditions.find(c => c.type === type);
    figures[`${hpa.name}.currentReplicas`] = hpa.currentReplicas;
    figures[`${hpa.name}.maxReplicas`] = hpa.maxReplicas;
    for (const type of ['AbleToScale', 'ScalingActive']) {
      const c = condition(type);
      if (c?.status === 'False') {
        status = 'fail';
        figures[`${hpa.name}.${type}`] = c.reason ?? 'False';
        findings.push(
          `${hpa.name} ${type} is False${c.reason ? ` (${c.reason})` : ''}${
            c.message ? `: ${c.message}` : ''
          }`,
        );
      }
    }
    const limited = condition('ScalingLimited');
    if (hpa.currentReplicas >= hpa.maxReplicas) {
      status = worse(status, 'warn');
      if (limited?.status === 'True') {
        figures[`${hpa.name}.ScalingLimited`] = limited.reason ?? 'True';
      }
      findings.push(
        `${hpa.name} runs at its maximum of ${hpa.maxReplicas} replica${
          hpa.maxReplicas === 1 ? '' : 's'
        }${
          limited?.status === 'True' && limited.reason
            ? ` (ScalingLimited: ${limited.reason})`
            : ''
        }`,
      );
    }
  }
  return {
    ...base,
    status,
    summary:
      findings.join('; ') ||
      `${autoscalers.map(a => a.name).join(', ')} can scale`,
    figures,
    checkedAt,
  };
}
