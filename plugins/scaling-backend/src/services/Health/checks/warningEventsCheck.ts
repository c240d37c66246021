import { ServiceUnavailableError, toError } from '@backstage/errors';
import type { CoreV1Event } from '@kubernetes/client-node';
import {
  ClusterScalingState,
  HealthCheck,
} from '@meschain/backstage-plugin-scaling-common';
import {
  ClusterDirectory,
  KubernetesClients,
  resourcePath,
  Stored,
} from '../../Clusters';
import { withDeadline } from '../../ScalingState';
import { unreadCheck } from './types';

const EVENTS = { apiVersion: 'v1', plural: 'events' };
const CHECK = { id: 'warning-events', title: 'Recent Warning events' };
/** How far back a Warning event counts as recent. */
export const RECENT_EVENT_MINUTES = 60;

function eventTime(event: Stored<CoreV1Event>): string | undefined {
  return (
    event.lastTimestamp ??
    event.eventTime ??
    event.firstTimestamp ??
    event.metadata.creationTimestamp
  );
}

/**
 * Whether an event is about one of the service's workloads: the workload,
 * its autoscaler, or the ReplicaSets and pods named after it.
 */
function concernsWorkloads(
  event: Stored<CoreV1Event>,
  state: ClusterScalingState,
): boolean {
  const { name, namespace } = event.involvedObject;
  return (state.workloads ?? []).some(
    workload =>
      namespace === workload.namespace &&
      name !== undefined &&
      (name === workload.name ||
        name === workload.autoscaler?.name ||
        name.startsWith(`${workload.name}-`)),
  );
}

/** The Warning events of the last hour about the service's workloads in one cluster. */
export async function warningEventsCheck(options: {
  state: ClusterScalingState;
  clusters: ClusterDirectory;
  kubernetes: KubernetesClients;
  clusterTimeoutMs: number;
  now: Date;
}): Promise<HealthCheck> {
  const { state, clusters, kubernetes, clusterTimeoutMs, now } = options;
  const checkedAt = now.toISOString();
  const base = { ...CHECK, region: state.region };
  if (state.error || !state.workloads || !state.cluster) {
    return unreadCheck(base, state.error?.message ?? 'no answer', checkedAt);
  }
  const clusterName = state.cluster;
  const namespaces = [...new Set(state.workloads.map(w => w.namespace))];
  let events: Stored<CoreV1Event>[];
  try {
    events = await withDeadline(
      clusterTimeoutMs,
      () =>
        new ServiceUnavailableError(
          `Cluster ${clusterName} did not answer within ${clusterTimeoutMs} ms`,
        ),
      async signal => {
        const client = kubernetes.forCluster(
          await clusters.getCluster(clusterName),
        );
        const lists = await Promise.all(
          namespaces.map(namespace =>
            client.list<Stored<CoreV1Event>>(
              resourcePath(EVENTS, { namespace }),
              { fieldSelector: 'type=Warning', signal },
            ),
          ),
        );
        return lists.flatMap(list => list.items);
      },
    );
  } catch (error) {
    return unreadCheck(base, toError(error).message, checkedAt);
  }
  const since = now.getTime() - RECENT_EVENT_MINUTES * 60_000;
  const recent = events
    .filter(event => concernsWorkloads(event, state))
    .filter(event => {
      const time = eventTime(event);
      return time !== undefined && new Date(time).getTime() >= since;
    })
    .sort((a, b) => eventTime(b)!.localeCompare(eventTime(a)!));
  if (recent.length === 0) {
    return {
      ...base,
      status: 'pass',
      summary: `No Warning events in the last ${RECENT_EVENT_MINUTES} minutes in ${clusterName}`,
      figures: { events: 0 },
      checkedAt,
    };
  }
  const [latest] = recent;
  const count = recent.length;
  return {
    ...base,
    status: 'warn',
    summary:
      `${count} Warning events in the last ${RECENT_EVENT_MINUTES} minutes in ${clusterName}; latest ${
        latest.reason
      } on ${latest.involvedObject.kind} ${latest.involvedObject.name}: ${
        latest.message ?? ''
      }`.trim(),
    figures: {
      events: count,
      latestReason: latest.reason ?? '',
      latestObject: `${latest.involvedObject.kind}/${latest.involvedObject.name}`,
      latestAt: new Date(eventTime(latest)!).toISOString(),
    },
    checkedAt,
  };
}
