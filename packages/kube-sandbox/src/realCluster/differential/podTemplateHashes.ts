import type { KubeClient } from '../kubeClient';
import {
  DEPLOYMENTS,
  ownedReplicaSets,
  ROLLOUT_HASH_LABEL,
  ROLLOUTS,
  type KnownDifference,
} from './helpers';

/** How the newest ReplicaSet of a seeded, untouched workload carries its pod-template hash. */
async function hashOf(
  client: KubeClient,
  collection: string,
  name: string,
  hashLabel: string,
  revisionAnnotation: string,
) {
  const owner = await client.expect('GET', `${collection}/${name}`);
  const namespace = owner.metadata.namespace;
  const replicaSets = await ownedReplicaSets(
    client,
    namespace,
    owner,
    revisionAnnotation,
  );
  const newest = replicaSets[replicaSets.length - 1];
  const hash = newest?.metadata.labels?.[hashLabel];
  return {
    podTemplateHash: hash,
    nameEndsWithHash: newest?.metadata.name === `${name}-${hash}`,
    selectorHasHash: newest?.spec.selector.matchLabels?.[hashLabel] === hash,
    podLabelsHaveHash:
      newest?.spec.template.metadata?.labels?.[hashLabel] === hash,
  };
}

/**
 * The pod-template hashes themselves. Where they go (names, selectors, pod labels) agrees; the
 * values cannot: Kubernetes hashes a `spew` dump of the Go PodTemplateSpec, Argo Rollouts the Go
 * JSON of it (field order and CRD defaults included), the sandbox the template's canonical JSON.
 */
export const POD_TEMPLATE_HASHES: KnownDifference = {
  name: 'pod-template-hash values of a Deployment and a Rollout',
  why:
    "the sandbox hashes the template's canonical JSON; Kubernetes hashes a spew dump of the Go " +
    'struct and Argo Rollouts its Go JSON, so only where the hash goes agrees',
  differingPaths: ['deployment.podTemplateHash', 'rollout.podTemplateHash'],
  async run(client, { namespace }) {
    return {
      deployment: await hashOf(
        client,
        DEPLOYMENTS(namespace),
        'logging-service',
        'pod-template-hash',
        'deployment.kubernetes.io/revision',
      ),
      rollout: await hashOf(
        client,
        ROLLOUTS(namespace),
        'marketplace-service',
        ROLLOUT_HASH_LABEL,
        'rollout.argoproj.io/revision',
      ),
    };
  },
};
