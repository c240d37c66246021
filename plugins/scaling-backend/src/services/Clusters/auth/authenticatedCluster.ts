import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';

const SERVICE_ACCOUNT_AUTH_PROVIDER = 'serviceAccount';

/**
 * A cluster whose credential comes from the strategy of its
 * `kubernetes.io/auth-provider`, checked by that strategy first.
 *
 * A `serviceAccount` cluster without a token stays listed, and each request
 * to it fails naming `tokenSetting`. Upstream's strategy would fall back to
 * the backend's own in-cluster account, which upstream then sends to the
 * in-cluster API server only, never to the configured URL.
 *
 * @throws InputError naming the cluster when the strategy refuses its auth metadata, e.g. for an unknown provider
 */
export function authenticatedCluster(
  cluster: Omit<ScalingCluster, 'getCredential'>,
  options: {
    /** Usually a DispatchStrategy over every provider's strategy. */
    authStrategy: AuthenticationStrategy;
    /** Where the service-account token is configured, for messages. */
    tokenSetting: string;
  },
): ScalingCluster {
  const { authStrategy, tokenSetting } = options;
  const { name, authMetadata } = cluster;
  const authProvider = authMetadata[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
  const problems = authStrategy.validateCluster(authMetadata);
  if (problems.length > 0) {
    throw new InputError(
      `Cluster ${name} cannot be authenticated to: ${problems
        .map(problem => problem.message)
        .join('; ')}`,
    );
  }

  async function getCredential() {
    if (
      authProvider === SERVICE_ACCOUNT_AUTH_PROVIDER &&
      !authMetadata.serviceAccountToken
    ) {
      throw new ServiceUnavailableError(
        `No service-account token is configured for cluster ${name}: set ${tokenSetting}`,
      );
    }
    try {
      // The scaling backend acts on its own, so no user's tokens come with it.
      return await authStrategy.getCredential(cluster, {});
    } catch (error) {
      throw new ServiceUnavailableError(
        `Cluster ${name} got no credential from its authProvider "${authProvider}"`,
        error,
      );
    }
  }

  return { ...cluster, getCredential };
}
