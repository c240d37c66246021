import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';

/** @public Availability objective of a service, in percent, e.g. `"99.9"`. */
export const ANNOTATION_SLO_AVAILABILITY = 'meschain.io/slo-availability';
/** @public Latency objective of a service: its p95 under this many milliseconds, e.g. `"500"`. */
export const ANNOTATION_SLO_LATENCY_P95_MS = 'meschain.io/slo-latency-p95-ms';

/** @public A service's objectives and the window its error budget spans. */
export interface ServiceSlo {
  /** Percent of requests that succeed, e.g. 99.9. */
  availability: number;
  latencyP95Ms: number;
  windowDays: number;
}

/** @public The objectives of a service that declares none (`scaling.slo` in config). */
export const DEFAULT_SLO: ServiceSlo = {
  availability: 99.9,
  latencyP95Ms: 500,
  windowDays: 30,
};

/** @public An SLO annotation that does not parse; its message names the annotation and value. */
export class SloAnnotationError extends Error {
  readonly annotation: string;

  constructor(annotation: string, message: string) {
    super(message);
    this.name = 'SloAnnotationError';
    this.annotation = annotation;
  }
}

function readNumber(
  entity: Entity,
  annotation: string,
  expected: string,
  valid: (value: number) => boolean,
): number | undefined {
  const raw = entity.metadata.annotations?.[annotation];
  if (raw === undefined) {
    return undefined;
  }
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value) || !valid(value)) {
    throw new SloAnnotationError(
      annotation,
      `The ${annotation} annotation of ${stringifyEntityRef(
        entity,
      )} is "${raw}"; expected ${expected}`,
    );
  }
  return value;
}

/**
 * The objectives of a service: its `meschain.io/slo-*` annotations over the
 * configured defaults. Throws {@link SloAnnotationError} for an annotation
 * that is not a number in range, rather than guessing an objective.
 *
 * @public
 */
export function serviceSlo(
  entity: Entity,
  defaults: Partial<ServiceSlo> = {},
): ServiceSlo {
  const base = { ...DEFAULT_SLO, ...defaults };
  const availability = readNumber(
    entity,
    ANNOTATION_SLO_AVAILABILITY,
    'a percentage above 0 and below 100, e.g. "99.9"',
    value => value > 0 && value < 100,
  );
  const latencyP95Ms = readNumber(
    entity,
    ANNOTATION_SLO_LATENCY_P95_MS,
    'a positive number of milliseconds, e.g. "500"',
    value => value > 0,
  );
  return {
    availability: availability ?? base.availability,
    latencyP95Ms: latencyP95Ms ?? base.latencyP95Ms,
    windowDays: base.windowDays,
  };
}

/** @public The share of requests that may fail, e.g. 0.001 for 99.9 %. */
export function errorBudget(slo: Pick<ServiceSlo, 'availability'>): number {
  return 1 - slo.availability / 100;
}

/**
 * @public How many times faster than sustainable the budget burns: 1 spends
 * exactly the budget over the SLO window. Undefined without traffic.
 */
export function burnRate(
  errorRatio: number | null | undefined,
  slo: Pick<ServiceSlo, 'availability'>,
): number | undefined {
  if (errorRatio === null || errorRatio === undefined || isNaN(errorRatio)) {
    return undefined;
  }
  return errorRatio / errorBudget(slo);
}

/**
 * @public The share of the error budget left, 0..1, given the error ratio
 * over the whole SLO window. A window without traffic has spent nothing.
 */
export function errorBudgetRemaining(
  errorRatioOverWindow: number | null | undefined,
  slo: Pick<ServiceSlo, 'availability'>,
): number {
  const rate = burnRate(errorRatioOverWindow, slo) ?? 0;
  return Math.min(1, Math.max(0, 1 - rate));
}
