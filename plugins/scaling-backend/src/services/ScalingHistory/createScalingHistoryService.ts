import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { toError } from '@backstage/errors';
import {
  ClusterScalingState,
  ScalingHistory,
  ScalingHistoryEvent,
  ScalingWorkloadRef,
} from '@meschain/backstage-plugin-scaling-common';
import type { CoreV1Event } from '@kubernetes/client-node';
import { AuditEvent, ScalingAuditStore } from '../../database';
import {
  ClusterDirectory,
  KubernetesClients,
  resourcePath,
  Stored,
} from '../Clusters';
import {
  EntityScalingStateService,
  SCALABLE_WORKLOAD_TYPES,
} from '../ScalingState';

/** The HPA controller's event for each change of replicas it makes. */
const RESCALE_EVENT_SELECTOR =
  'involvedObject.kind=HorizontalPodAutoscaler,reason=SuccessfulRescale';
const EVENTS = { apiVersion: 'v1', plural: 'events' };

/** What was done to an entity's scaling, by the suite's users and by the clusters' autoscalers. */
export interface ScalingHistoryService {
  /** Newest first; a cluster that cannot be read only leaves its events out. */
  getHistory(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials; limit: number },
  ): Promise<ScalingHistory>;
}

/** Audit rows store workloads as `deployment/name`. */
function workloadOfAudit(event: AuditEvent): ScalingWorkloadRef | undefined {
  const [kindKey, name] = event.workload?.split('/') ?? [];
  const type = SCALABLE_WORKLOAD_TYPES.find(
    candidate => candidate.kind.toLowerCase() === kindKey,
  );
  return type && name && event.namespace
    ? { kind: type.kind, namespace: event.namespace, name }
    : undefined;
}

function fromAudit(
  event: AuditEvent,
  regionOfCluster: ReadonlyMap<string, string>,
): ScalingHistoryEvent {
  return {
    id: event.id,
    source: 'suite',
    time: event.startedAt.toISOString(),
    cluster: event.cluster,
    region: event.cluster && regionOfCluster.get(event.cluster),
    workload: workloadOfAudit(event),
    action: event.action,
    actor: event.actorRef,
    ...(event.asAdmin && { asAdmin: true }),
    outcome: event.outcome,
    before: event.before,
    after: event.after,
    message: event.error,
  };
}

export function createScalingHistoryService(options: {
  auditStore: ScalingAuditStore;
  scalingState: EntityScalingStateService;
  clusters: ClusterDirectory;
  kubernetes: KubernetesClients;
  logger: LoggerService;
}): ScalingHistoryService {
  const { auditStore, scalingState, clusters, kubernetes, logger } = options;

  async function rescaleEvents(
    state: ClusterScalingState,
  ): Promise<ScalingHistoryEvent[]> {
    const autoscaled = (state.workloads ?? []).filter(w => w.autoscaler);
    if (!state.cluster || autoscaled.length === 0) {
      return [];
    }
    const client = kubernetes.forCluster(
      await clusters.getCluster(state.cluster),
    );
    const namespaces = [...new Set(autoscaled.map(w => w.namespace))];
    const lists = await Promise.all(
      namespaces.map(namespace =>
        client.list<Stored<CoreV1Event>>(resourcePath(EVENTS, { namespace }), {
          fieldSelector: RESCALE_EVENT_SELECTOR,
        }),
      ),
    );
    return lists.flatMap(list =>
      list.items.flatMap((event): ScalingHistoryEvent[] => {
        const workload = autoscaled.find(
          w =>
            w.autoscaler!.name === event.involvedObject.name &&
            w.namespace === event.involvedObject.namespace,
        );
        const time =
          event.eventTime ??
          event.lastTimestamp ??
          event.firstTimestamp ??
          event.metadata.creationTimestamp;
        if (!workload || !time) {
          return [];
        }
        return [
          {
            id: `${state.cluster}/${event.metadata.uid ?? event.metadata.name}`,
            source: 'cluster',
            time: new Date(time).toISOString(),
            cluster: state.cluster,
            region: state.region,
            workload: {
              kind: workload.kind,
              namespace: workload.namespace,
              name: workload.name,
            },
            action: event.reason ?? 'SuccessfulRescale',
            message: event.message,
          },
        ];
      }),
    );
  }

  async function rescaleEventsOrNone(state: ClusterScalingState) {
    try {
      return await rescaleEvents(state);
    } catch (error) {
      logger.warn('Could not read the scaling events of a cluster', {
        cluster: state.cluster,
        error: toError(error).message,
      });
      return [];
    }
  }

  return {
    async getHistory(entityRef, { credentials, limit }) {
      const state = await scalingState.getScalingState(entityRef, {
        credentials,
      });
      const [audited, perCluster] = await Promise.all([
        auditStore.listForEntity(state.entityRef, { limit }),
        Promise.all(state.clusters.map(rescaleEventsOrNone)),
      ]);
      const regionOfCluster = new Map(
        state.clusters.flatMap(({ cluster, region }) =>
          cluster ? [[cluster, region] as const] : [],
        ),
      );
      return {
        events: [
          ...audited.map(event => fromAudit(event, regionOfCluster)),
          ...perCluster.flat(),
        ]
          .sort((a, b) => b.time.localeCompare(a.time))
          .slice(0, limit),
      };
    },
  };
}
