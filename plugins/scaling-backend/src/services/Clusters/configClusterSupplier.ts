import { Config } from '@backstage/config';
import { InputError, NotImplementedError } from '@backstage/errors';
import {
  ClusterSupplier,
  ScalingCluster,
} from '@meschain/backstage-plugin-scaling-node';
import { serviceAccountAuth } from './serviceAccountAuth';

/** The only `authProvider` the scaling backend implements. */
const SERVICE_ACCOUNT_AUTH_PROVIDER = 'serviceAccount';

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function readUrl(entry: Config, settingPath: string): string {
  const url = entry.getString('url');
  if (!isHttpUrl(url)) {
    throw new InputError(
      `Invalid config ${settingPath}.url: "${url}" is not an HTTP(S) URL`,
    );
  }
  return url;
}

function unsupportedAuth(
  clusterName: string,
  authProvider: string,
): ScalingCluster['authHeaders'] {
  return async () => {
    throw new NotImplementedError(
      `Cluster ${clusterName} uses authProvider "${authProvider}"; the scaling backend supports only "${SERVICE_ACCOUNT_AUTH_PROVIDER}"`,
    );
  };
}

/**
 * The clusters of one `type: config` entry of
 * `kubernetes.clusterLocatorMethods`, read once at start-up with the same
 * keys the upstream Kubernetes backend reads.
 *
 * @param method - the locator entry
 * @param settingPath - where the entry is, e.g. `kubernetes.clusterLocatorMethods[0]`, for messages
 */
export function createConfigClusterSupplier(
  method: Config,
  settingPath: string,
): ClusterSupplier {
  const clusters = method
    .getConfigArray('clusters')
    .map((entry, index): ScalingCluster => {
      const entryPath = `${settingPath}.clusters[${index}]`;
      const name = entry.getString('name');
      const authProvider =
        entry.getOptionalString('authProvider') ??
        SERVICE_ACCOUNT_AUTH_PROVIDER;
      return {
        name,
        url: readUrl(entry, entryPath),
        title: entry.getOptionalString('title'),
        caData: entry.getOptionalString('caData'),
        skipTLSVerify: entry.getOptionalBoolean('skipTLSVerify') ?? false,
        authHeaders:
          authProvider === SERVICE_ACCOUNT_AUTH_PROVIDER
            ? serviceAccountAuth({
                clusterName: name,
                token: entry.getOptionalString('serviceAccountToken'),
                tokenSetting: `${entryPath}.serviceAccountToken`,
              })
            : unsupportedAuth(name, authProvider),
      };
    });
  return { getClusters: async () => clusters };
}
