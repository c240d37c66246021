import { AlertRuleSpec } from '@meschain/backstage-plugin-scaling-common';
import { describeRule } from '../Alerts/describeRule';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ruleKinds = ['threshold', 'anomaly', 'composite'];

function isAlertRule(value: Record<string, unknown>): boolean {
  return (
    typeof value.name === 'string' && ruleKinds.includes(String(value.kind))
  );
}

const when = (time: unknown) => new Date(String(time)).toLocaleString();

/** A maintenance window: `15/01/2030, 10:00:00 to 15/01/2030, 12:30:00 in tr-central`. */
function formatWindow(value: Record<string, unknown>): string {
  const region = typeof value.region === 'string' ? ` in ${value.region}` : '';
  return `${when(value.startsAt)} to ${when(value.endsAt)}${region}`;
}

/** The objects a template wrote, by kind: `3 objects (Deployment, Service, PodDisruptionBudget)`. */
function formatCreated(changed: unknown[]): string {
  // Each is `cluster/kind/name`.
  const kinds = new Set(changed.map(path => String(path).split('/')[1]));
  const count = `${changed.length} ${
    changed.length === 1 ? 'object' : 'objects'
  }`;
  return changed.length > 0 ? `${count} (${[...kinds].join(', ')})` : count;
}

/** Any other record, field by field, so that it wraps between words. */
function formatFields(value: Record<string, unknown>): string {
  return Object.entries(value)
    .map(([field, fieldValue]) =>
      isRecord(fieldValue) || Array.isArray(fieldValue)
        ? field
        : `${field} ${String(fieldValue)}`,
    )
    .join(', ');
}

/**
 * A history entry's before or after value as a short text. The backend records
 * `{ replicas }` for a scale, `{ min, max }` for HPA bounds, the HPA's spec
 * for a policy, a snapshot for a rollout action, the rule for an alert rule,
 * the window for a maintenance window, `{ steps, until }` for a predictive
 * schedule and the objects written for a service created from the template;
 * the cluster's events carry none.
 */
export function formatHistoryValue(value: unknown): string {
  if (value === undefined || value === null) {
    return '—';
  }
  if (typeof value === 'number' || typeof value === 'string') {
    return String(value);
  }
  if (!isRecord(value)) {
    return JSON.stringify(value);
  }
  if (typeof value.replicas === 'number') {
    return String(value.replicas);
  }
  if ('min' in value && 'max' in value) {
    return `${String(value.min)} to ${String(value.max)}`;
  }
  if ('minReplicas' in value || 'maxReplicas' in value) {
    const metrics = Array.isArray(value.metrics) ? value.metrics.length : 0;
    return `HPA ${String(value.minReplicas ?? 1)} to ${String(
      value.maxReplicas,
    )}, ${metrics} ${metrics === 1 ? 'metric' : 'metrics'}`;
  }
  if (Array.isArray(value.images)) {
    return formatRolloutSnapshot(value);
  }
  if (isAlertRule(value)) {
    return `${value.name}: ${describeRule(value as unknown as AlertRuleSpec)}`;
  }
  if ('startsAt' in value && 'endsAt' in value) {
    return formatWindow(value);
  }
  if (typeof value.steps === 'number' && 'until' in value) {
    return `${value.steps} ${value.steps === 1 ? 'step' : 'steps'} until ${when(
      value.until,
    )}`;
  }
  if (Array.isArray(value.changed)) {
    return formatCreated(value.changed);
  }
  return formatFields(value);
}

function isRolloutSnapshot(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && Array.isArray(value.images);
}

/**
 * A rollout snapshot's state: `Aborted`, `Paused` or the phase, with the
 * steps done. A snapshot taken right after a promote still carries the
 * controller's phase `Paused` though the pause was lifted: it reads `Resuming`.
 */
function rolloutState(value: Record<string, unknown>): string {
  let state = typeof value.phase === 'string' ? value.phase : 'Unknown';
  if (value.aborted) {
    state = 'Aborted';
  } else if (value.paused === true) {
    state = 'Paused';
  } else if (state === 'Paused') {
    state = 'Resuming';
  }
  // currentStepIndex counts the steps already done.
  const done = value.currentStepIndex;
  return typeof done === 'number'
    ? `${state}, ${done} ${done === 1 ? 'step' : 'steps'} done`
    : state;
}

function rolloutImages(value: Record<string, unknown>): string {
  return (value.images as unknown[])
    .map(image => (isRecord(image) ? String(image.image) : String(image)))
    .join(', ');
}

/** A rollout action's snapshot: `Paused, 1 step done · meschain/x:1.2.3`. */
function formatRolloutSnapshot(value: Record<string, unknown>): string {
  return `${rolloutState(value)} · ${rolloutImages(value)}`;
}

/**
 * What a history entry changed, from its before and after values. For a
 * rollout action only the parts that changed are set against each other:
 * `Paused, 1 step done → Resuming, 1 step done · meschain/x:1.3.5` for a
 * promote, `Healthy · meschain/x:1.3.4 → meschain/x:1.3.5` for a new image.
 */
export function formatHistoryChange(before: unknown, after: unknown): string {
  if (before === undefined && after === undefined) {
    return '—';
  }
  if (!isRolloutSnapshot(before) || !isRolloutSnapshot(after)) {
    return `${formatHistoryValue(before)} → ${formatHistoryValue(after)}`;
  }
  const [stateBefore, stateAfter] = [rolloutState(before), rolloutState(after)];
  const [imagesBefore, imagesAfter] = [
    rolloutImages(before),
    rolloutImages(after),
  ];
  if (imagesBefore !== imagesAfter && stateBefore !== stateAfter) {
    return `${stateBefore} · ${imagesBefore} → ${stateAfter} · ${imagesAfter}`;
  }
  if (imagesBefore !== imagesAfter) {
    return `${stateBefore} · ${imagesBefore} → ${imagesAfter}`;
  }
  if (stateBefore !== stateAfter) {
    return `${stateBefore} → ${stateAfter} · ${imagesBefore}`;
  }
  // Restart and promote-full change nothing the snapshot holds: the
  // controller acts on them afterwards.
  return `${stateBefore} · ${imagesBefore}, unchanged when sent`;
}
