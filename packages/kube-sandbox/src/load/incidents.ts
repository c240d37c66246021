import { hashUnit } from '../random';

/** An interval of trouble for one service: a traffic surge and a slower dependency. */
export interface Incident {
  start: number;
  end: number;
  /** Multiplies the request rate, 1.6–3. */
  trafficFactor: number;
  /** Multiplies latency and the error rate of dependencies, 2–5. */
  latencyFactor: number;
}

const HOUR_MS = 3_600_000;
const MIN_DURATION_MS = 10 * 60_000;
const MAX_DURATION_MS = 40 * 60_000;

/**
 * The incident in progress at `at`, if any. Each hour independently starts an incident with
 * probability `perDay / 24`; incidents last under an hour, so only the current and the previous
 * hour need checking. Pure in its inputs, like the rest of the load model.
 */
export function incidentAt(
  seed: number,
  label: string,
  perDay: number,
  at: number,
): Incident | undefined {
  if (perDay <= 0) return undefined;
  const hour = Math.floor(at / HOUR_MS);
  for (const candidate of [hour, hour - 1]) {
    const incident = incidentStartingIn(seed, label, perDay, candidate);
    if (incident && incident.start <= at && at < incident.end) return incident;
  }
  return undefined;
}

function incidentStartingIn(
  seed: number,
  label: string,
  perDay: number,
  hour: number,
): Incident | undefined {
  const draw = (what: string) => hashUnit(seed, 'incident', label, hour, what);
  if (draw('happens') >= Math.min(1, perDay / 24)) return undefined;
  const start = hour * HOUR_MS + Math.floor(draw('start') * HOUR_MS);
  const duration =
    MIN_DURATION_MS + draw('duration') * (MAX_DURATION_MS - MIN_DURATION_MS);
  return {
    start,
    end: start + Math.round(duration),
    trafficFactor: 1.6 + draw('traffic') * 1.4,
    latencyFactor: 2 + draw('latency') * 3,
  };
}
