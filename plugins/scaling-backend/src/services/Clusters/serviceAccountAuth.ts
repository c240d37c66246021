import { ServiceUnavailableError } from '@backstage/errors';
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';

/**
 * The `authHeaders` of a cluster reached with a service-account token. A
 * cluster without a token stays listed, and every request to it fails with a
 * message that says which setting is missing.
 */
export function serviceAccountAuth(options: {
  clusterName: string;
  token: string | undefined;
  /** Where the token is configured, e.g. `scaling.clusters.<name>.serviceAccountToken`. */
  tokenSetting: string;
}): ScalingCluster['authHeaders'] {
  const { clusterName, token, tokenSetting } = options;
  if (!token) {
    return async () => {
      throw new ServiceUnavailableError(
        `No service-account token is configured for cluster ${clusterName}: set ${tokenSetting}`,
      );
    };
  }
  const headers = { Authorization: `Bearer ${token}` };
  return async () => headers;
}
