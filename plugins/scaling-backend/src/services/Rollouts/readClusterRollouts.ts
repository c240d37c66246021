import { NotFoundError } from '@backstage/errors';
import { KubernetesClient, resourcePath } from '../Clusters';
import { WorkloadQuery } from '../ScalingState';
import { describeArgoRollout } from './describeArgoRollout';
import { describeDeployment } from './describeDeployment';
import { LoadedWorkload } from './planRolloutAction';
import {
  DeploymentObject,
  DEPLOYMENTS,
  REPLICA_SETS,
  ReplicaSetObject,
  RolloutObject,
  ROLLOUTS,
} from './rolloutObjects';
import { isOwnedBy } from './revisions';

async function listOrNone<T>(
  client: KubernetesClient,
  type: { apiVersion: string; plural: string },
  query: WorkloadQuery,
  signal: AbortSignal,
): Promise<T[]> {
  try {
    const { items } = await client.list<T>(
      resourcePath(type, { namespace: query.namespace }),
      { labelSelector: query.labelSelector, signal },
    );
    return items;
  } catch (error) {
    // 404 on a list: the API is not served, e.g. a cluster without Argo Rollouts.
    if (NotFoundError.is(error)) return [];
    throw error;
  }
}

/**
 * An entity's Rollouts and Deployments in one cluster, each with the
 * ReplicaSets it controls (found by the same labels, which pod templates
 * carry). Three lists, in one concurrent round.
 */
export async function readClusterRollouts(
  client: KubernetesClient,
  query: WorkloadQuery,
  signal: AbortSignal,
): Promise<LoadedWorkload[]> {
  const [rollouts, deployments, replicaSets] = await Promise.all([
    listOrNone<RolloutObject>(client, ROLLOUTS, query, signal),
    listOrNone<DeploymentObject>(client, DEPLOYMENTS, query, signal),
    listOrNone<ReplicaSetObject>(client, REPLICA_SETS, query, signal),
  ]);
  const owned = (owner: RolloutObject | DeploymentObject) =>
    replicaSets.filter(rs => isOwnedBy(owner, rs));
  const loaded: LoadedWorkload[] = [
    ...rollouts.map(object => {
      const own = owned(object);
      return {
        kind: 'Rollout' as const,
        object,
        replicaSets: own,
        state: describeArgoRollout(object, own),
      };
    }),
    ...deployments.map(object => {
      const own = owned(object);
      return {
        kind: 'Deployment' as const,
        object,
        replicaSets: own,
        state: describeDeployment(object, own),
      };
    }),
  ];
  return loaded.sort(
    (a, b) =>
      a.state.namespace.localeCompare(b.state.namespace) ||
      a.state.name.localeCompare(b.state.name),
  );
}
