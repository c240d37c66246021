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
