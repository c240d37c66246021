import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ClusterScalingState,
  HpaSpec,
  InvalidReplayInputError,
  renderHorizontalPodAutoscaler,
  replayPolicy,
  ReplayInput,
  ReplayResult,
  UnsupportedReplayMetricError,
  WorkloadScalingState,
} from '@meschain/backstage-plugin-scaling-common';
import { RegionCatalog } from '@meschain/backstage-plugin-scaling-node';
import {
  PolicyReplay,
  PolicySimulation,
  PolicySimulationRequest,
} from '../../schema/openapi/generated/models';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import { metricsServiceLabel } from '../Health/metricsServiceLabel';
import { ScalingGuardRailSettings } from '../ScalingSettings';
import { EntityScalingStateService } from '../ScalingState';
import { validatePolicyFor } from '../ScalingWrites';
import { WhatIfLoadSource } from './recordedLoad';
import { livePolicySpec } from './livePolicy';

const DEFAULT_DAYS = 7;
const DEFAULT_POD_STARTUP_SECONDS = 30;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const GIB = 2 ** 30;

/** The what-if replay of a policy against the service's own past load. */
export interface WhatIfService {
  simulate(
    entityRef: CompoundEntityRef,
    request: PolicySimulationRequest,
    credentials: BackstageCredentials,
  ): Promise<PolicySimulation>;
}

/** The region's cluster and its scalable workload, preferring one an HPA scales. */
function workloadIn(
  clusters: ClusterScalingState[],
  region: string | undefined,
): { cluster: ClusterScalingState; workload: WorkloadScalingState } {
  const candidates = clusters.filter(
    c => (region === undefined || c.region === region) && c.workloads?.length,
  );
  const withAutoscaler = candidates.find(c =>
    c.workloads!.some(w => w.autoscaler),
  );
  const cluster = withAutoscaler ?? candidates[0];
  if (!cluster) {
    throw new NotFoundError(
      region
        ? `The service runs no workload the suite can read in region ${region}`
        : 'The service runs no workload the suite can read in any region',
    );
  }
  const workload =
    cluster.workloads!.find(w => w.autoscaler) ?? cluster.workloads![0];
  return { cluster, workload };
}

function toReplay(result: ReplayResult): PolicyReplay {
  return {
    replicas: result.replicas,
    scaleEvents: result.scaleEvents,
    minutesAboveTarget: result.minutesAboveTarget,
    minutesAboveSlo: result.minutesAboveSlo,
    replicaHours: result.replicaHours,
    peakUtilization: result.peakUtilization,
    minutes: result.minutes,
    cost: result.cost,
  };
}

/** A replay input the library refused, as the 400 that names its field. */
function asInputError(error: unknown, prefix: string): never {
  if (
    error instanceof UnsupportedReplayMetricError ||
    error instanceof InvalidReplayInputError
  ) {
    throw new InputError(`${prefix}.${error.message}`);
  }
  throw error;
}

export function createWhatIfService(options: {
  entityFacts: EntityScalingFactsService;
  scalingState: EntityScalingStateService;
  regionCatalog: RegionCatalog;
  guardRails: ScalingGuardRailSettings;
  load: WhatIfLoadSource;
  now?: () => Date;
}): WhatIfService {
  const { entityFacts, scalingState, regionCatalog, guardRails, load } =
    options;
  const now = options.now ?? (() => new Date());

  return {
    async simulate(entityRef, request, credentials) {
      // Reading the entity's scaling is all a simulation may do, so it needs what that read needs.
      const [facts, state] = await Promise.all([
        entityFacts.getFacts(entityRef, { credentials }),
        scalingState.getScalingState(entityRef, { credentials }),
      ]);
      const policy = validatePolicyFor(guardRails, facts, request.policy);
      const { cluster, workload } = workloadIn(state.clusters, request.region);
      const region = cluster.region;

      const end = new Date(Math.floor(now().getTime() / MINUTE_MS) * MINUTE_MS);
      const start = new Date(
        end.getTime() - (request.days ?? DEFAULT_DAYS) * DAY_MS,
      );
      const recorded = await load.load({
        entityRef: stringifyEntityRef(entityRef),
        service: metricsServiceLabel(facts),
        region,
        start,
        end,
      });
      if (recorded.samples.length < 2) {
        throw new NotFoundError(
          `No recorded load of the service in region ${region} since ${start.toISOString()}: neither Prometheus nor the stored usage has any`,
        );
      }

      const pods = Math.max(1, workload.pods.pods);
      const cpuRequestMillicores = workload.pods.requests.cpuMillicores / pods;
      if (!(cpuRequestMillicores > 0)) {
        throw new InputError(
          `region: the service's pods in region ${region} request no CPU, so their utilisation cannot be replayed`,
        );
      }
      const memoryGiB = workload.pods.requests.memoryBytes / pods / GIB;
      const pricing = (await regionCatalog.listRegions()).find(
        r => r.id === region,
      )?.pricing;
      const podStartupSeconds =
        request.podStartupSeconds ?? DEFAULT_POD_STARTUP_SECONDS;
      const replay = (spec: HpaSpec): ReplayResult =>
        replayPolicy({
          load: recorded.samples,
          policy: spec,
          workload: { cpuRequestMillicores },
          initialReplicas: Math.min(
            spec.maxReplicas,
            Math.max(spec.minReplicas ?? 1, workload.replicas.ready),
          ),
          podStartupSeconds,
          pricing: pricing && {
            perReplicaHour:
              (cpuRequestMillicores / 1000) * pricing.cpuCoreHour +
              memoryGiB * pricing.memoryGiBHour,
            currency: pricing.currency,
          },
        } satisfies ReplayInput);

      const candidateSpec = renderHorizontalPodAutoscaler({
        policy,
        workload: {
          kind: workload.kind,
          name: workload.name,
          namespace: workload.namespace,
        },
      }).spec;
      let candidate: ReplayResult;
      try {
        candidate = replay(candidateSpec);
      } catch (error) {
        asInputError(error, 'policy');
      }

      let current: ReplayResult | undefined;
      let currentUnavailable: string | undefined;
      if (!workload.autoscaler) {
        currentUnavailable = `No HorizontalPodAutoscaler scales ${workload.kind} ${workload.namespace}/${workload.name} in region ${region}`;
      } else {
        try {
          current = replay(livePolicySpec(workload.autoscaler));
        } catch (error) {
          if (!(error instanceof UnsupportedReplayMetricError)) throw error;
          currentUnavailable = `HorizontalPodAutoscaler ${workload.autoscaler.name} cannot be replayed: ${error.message}`;
        }
      }

      return {
        region,
        cluster: cluster.cluster,
        source: recorded.source,
        stepSeconds: recorded.stepSeconds,
        start,
        end,
        podStartupSeconds,
        ...(current && { current: toReplay(current) }),
        ...(currentUnavailable && { currentUnavailable }),
        candidate: toReplay(candidate!),
      };
    },
  };
}
