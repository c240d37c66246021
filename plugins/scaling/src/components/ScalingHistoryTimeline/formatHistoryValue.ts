function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A history entry's before or after value as a short text. The backend records
 * `{ replicas }` for a scale, `{ min, max }` for HPA bounds, the HPA's spec
 * for a policy and a snapshot for a rollout action; the cluster's events
 * carry none.
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
  return JSON.stringify(value);
}

/** A rollout action's snapshot: `Paused, 1 step done · meschain/x:1.2.3`. */
function formatRolloutSnapshot(value: Record<string, unknown>): string {
  const phase = typeof value.phase === 'string' ? value.phase : 'Unknown';
  // currentStepIndex counts the steps already done.
  const done = value.currentStepIndex;
  const step =
    typeof done === 'number'
      ? `, ${done} ${done === 1 ? 'step' : 'steps'} done`
      : '';
  const images = (value.images as unknown[])
    .map(image => (isRecord(image) ? String(image.image) : String(image)))
    .join(', ');
  return `${value.aborted ? 'Aborted' : phase}${step} · ${images}`;
}
