import { toError } from '@backstage/errors';
import {
  promMatchers,
  RegionHeadroom,
  RegionsOverview,
  ReportPeriod,
  ScalingReportFigures,
} from '@meschain/backstage-plugin-scaling-common';
import { MetricsSource } from '@meschain/backstage-plugin-scaling-node';
import { AuditEvent } from '../../database';
import { countByDay, endOf, startOf } from './periods';
import { ReportService } from './reportScope';

/** The audited actions that change a workload's replicas or its autoscaler's bounds. */
export const SCALE_ACTION_PREFIXES = ['replicas.', 'autoscaler.'];

/** Prometheus keeps at most 11,000 points a series; a year at 1 h stays well under. */
const MAX_POINTS = 10_000;
const MIN_STEP_SECONDS = 60;

const round = (value: number, digits = 4) =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/** Seconds between samples, in whole minutes, so that a period's query stays under Prometheus' point limit. */
export function atMaxStepSeconds(period: ReportPeriod): number {
  const seconds = (endOf(period).getTime() - startOf(period).getTime()) / 1000;
  return Math.max(MIN_STEP_SECONDS, Math.ceil(seconds / MAX_POINTS / 60) * 60);
}

/**
 * Hours each autoscaler of a region spent at its maximum over the period:
 * the share of samples where kube-state-metrics' current replicas reached
 * `spec.maxReplicas`, times the period's hours.
 */
export function hoursAtMaxQuery(
  region: string,
  rangeSeconds: number,
  stepSeconds: number,
): string {
  const of = (metric: string) => `${metric}${promMatchers({ region })}`;
  return (
    `sum by (namespace, horizontalpodautoscaler) (sum_over_time((` +
    `${of('kube_horizontalpodautoscaler_status_current_replicas')} >= bool ` +
    `${of('kube_horizontalpodautoscaler_spec_max_replicas')}` +
    `)[${rangeSeconds}s:${stepSeconds}s])) * ${stepSeconds} / 3600`
  );
}

/** An autoscaler is the service's when it is named by its kubernetes id, alone or as a prefix. */
function serviceOfAutoscaler(
  services: ReportService[],
  labels: Record<string, string>,
): ReportService | undefined {
  const name = labels.horizontalpodautoscaler ?? '';
  return services.find(
    s =>
      (s.namespace === undefined || s.namespace === labels.namespace) &&
      (name === s.kubernetesId || name.startsWith(`${s.kubernetesId}-`)),
  );
}

async function readHoursAtMax(options: {
  metrics: MetricsSource;
  regions: string[];
  services: ReportService[];
  period: ReportPeriod;
  now: Date;
}): Promise<{ hours: Map<string, number>; read: string[]; notes: string[] }> {
  const { metrics, regions, services, period, now } = options;
  const end = new Date(Math.min(endOf(period).getTime(), now.getTime()));
  const rangeSeconds = Math.floor(
    (end.getTime() - startOf(period).getTime()) / 1000,
  );
  const hours = new Map<string, number>();
  const read: string[] = [];
  const notes: string[] = [];
  if (rangeSeconds <= 0) {
    return { hours, read, notes: ['The period has not started yet.'] };
  }
  const step = atMaxStepSeconds(period);
  await Promise.all(
    regions.map(async region => {
      try {
        const samples = await metrics.query(
          hoursAtMaxQuery(region, rangeSeconds, step),
          { region, time: end },
        );
        read.push(region);
        for (const sample of samples) {
          const service = serviceOfAutoscaler(services, sample.labels);
          if (service && Number.isFinite(sample.value)) {
            hours.set(
              service.entityRef,
              (hours.get(service.entityRef) ?? 0) + sample.value,
            );
          }
        }
      } catch (error) {
        notes.push(
          `Time at the maximum in ${region} is unknown: ${
            toError(error).message
          }`,
        );
      }
    }),
  );
  return { hours, read: read.sort(), notes: notes.sort() };
}

function headroomOf(
  overview: RegionsOverview,
  services: ReportService[],
): RegionHeadroom[] {
  const refs = new Set(services.map(s => s.entityRef));
  const ratio = (free: number, allocatable: number) =>
    allocatable > 0 ? round(free / allocatable) : null;
  return overview.regions.map(
    ({ region, capacity, services: placed, errors }) => {
      const ours = placed.filter(p => p.entityRef && refs.has(p.entityRef));
      return {
        region: region.id,
        allocatableCpuCores: round(capacity.allocatable.cpuCores),
        freeCpuCores: round(capacity.free.cpuCores),
        cpuHeadroom: ratio(
          capacity.free.cpuCores,
          capacity.allocatable.cpuCores,
        ),
        allocatableMemoryBytes: capacity.allocatable.memoryBytes,
        freeMemoryBytes: capacity.free.memoryBytes,
        memoryHeadroom: ratio(
          capacity.free.memoryBytes,
          capacity.allocatable.memoryBytes,
        ),
        requestedCpuCores: round(
          ours.reduce((sum, p) => sum + p.requested.cpuCores, 0),
        ),
        requestedMemoryBytes: ours.reduce(
          (sum, p) => sum + p.requested.memoryBytes,
          0,
        ),
        errors: errors.map(e => `${e.cluster}: ${e.message}`),
      };
    },
  );
}

/**
 * Scale events from the audit store, time at the maximum from the
 * autoscalers' history in Prometheus, and each region's headroom from the
 * regions' capacity now.
 */
export async function scalingFigures(options: {
  services: ReportService[];
  period: ReportPeriod;
  events: AuditEvent[];
  overview: RegionsOverview | Error;
  metrics: MetricsSource;
  /**
   * Hours at the maximum of one service from its scaling history, for when
   * no region's metrics answer; undefined when it cannot be read.
   */
  hoursAtMaxFromHistory?: (
    service: ReportService,
  ) => Promise<number | undefined>;
  now: Date;
}): Promise<ScalingReportFigures> {
  const { services, period, overview, metrics, now } = options;
  const scaleEvents = options.events.filter(
    e =>
      e.outcome === 'succeeded' &&
      SCALE_ACTION_PREFIXES.some(prefix => e.action.startsWith(prefix)),
  );
  const notes: string[] = [];
  const regionIds =
    overview instanceof Error ? [] : overview.regions.map(r => r.region.id);
  if (overview instanceof Error) {
    notes.push(`The regions could not be read: ${overview.message}`);
  }
  const atMax = await readHoursAtMax({
    metrics,
    regions: regionIds,
    services,
    period,
    now,
  });
  notes.push(...atMax.notes);
  const anyRead = atMax.read.length > 0;
  if (anyRead) {
    notes.push(
      `Time at the maximum from Prometheus (kube_horizontalpodautoscaler_status_current_replicas against spec_max_replicas) in ${atMax.read.join(
        ', ',
      )}, sampled every ${atMaxStepSeconds(period)} s.`,
    );
  }

  const fromHistory = new Map<string, number>();
  if (!anyRead && options.hoursAtMaxFromHistory) {
    for (const service of services) {
      const hours = await options.hoursAtMaxFromHistory(service);
      if (hours !== undefined) fromHistory.set(service.entityRef, hours);
    }
    if (fromHistory.size > 0) {
      notes.push(
        'Time at the maximum from the clusters’ rescale events against each autoscaler’s current maximum: Kubernetes keeps events for about an hour, so it is a lower bound.',
      );
    }
  }

  const hoursOf = (service: ReportService): number | null => {
    if (anyRead) return round(atMax.hours.get(service.entityRef) ?? 0, 2);
    return fromHistory.get(service.entityRef) ?? null;
  };
  const byService = services.map(service => ({
    entityRef: service.entityRef,
    scaleEvents: scaleEvents.filter(e => e.entityRef === service.entityRef)
      .length,
    hoursAtMax: hoursOf(service),
  }));
  const known = byService.filter(s => s.hoursAtMax !== null);
  return {
    kind: 'scaling',
    totals: {
      services: services.length,
      scaleEvents: scaleEvents.length,
      hoursAtMax:
        known.length > 0
          ? round(
              known.reduce((sum, s) => sum + (s.hoursAtMax ?? 0), 0),
              2,
            )
          : null,
    },
    scaleEventsByDay: countByDay(
      period,
      scaleEvents.map(e => e.startedAt),
    ),
    byService,
    headroom: overview instanceof Error ? [] : headroomOf(overview, services),
    notes,
  };
}
