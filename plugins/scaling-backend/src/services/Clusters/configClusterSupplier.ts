import { Config } from '@backstage/config';
import { InputError, toError } from '@backstage/errors';
import { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { ClusterSupplier } from '@meschain/backstage-plugin-scaling-node';
import { authenticatedCluster } from './auth/authenticatedCluster';
import { readConfigClusterAuthMetadata } from './auth/configAuthMetadata';

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

/**
 * The clusters of one `type: config` entry of
 * `kubernetes.clusterLocatorMethods`, read once at start-up with the same
 * keys the upstream Kubernetes backend reads. Like upstream, it refuses to
 * start when a cluster's authentication strategy refuses its settings.
 *
 * @param method - the locator entry
 * @param settingPath - where the entry is, e.g. `kubernetes.clusterLocatorMethods[0]`, for messages
 */
export function createConfigClusterSupplier(
  method: Config,
  settingPath: string,
  authStrategy: AuthenticationStrategy,
): ClusterSupplier {
  const clusters = method.getConfigArray('clusters').map((entry, index) => {
    const entryPath = `${settingPath}.clusters[${index}]`;
    const cluster = {
      name: entry.getString('name'),
      url: readUrl(entry, entryPath),
      title: entry.getOptionalString('title'),
      caData: entry.getOptionalString('caData'),
      skipTLSVerify: entry.getOptionalBoolean('skipTLSVerify') ?? false,
      authMetadata: readConfigClusterAuthMetadata(entry, entryPath),
    };
    try {
      return authenticatedCluster(cluster, {
        authStrategy,
        tokenSetting: `${entryPath}.serviceAccountToken`,
      });
    } catch (error) {
      throw new InputError(
        `Invalid config ${entryPath}: ${toError(error).message}`,
      );
    }
  });
  return { getClusters: async () => clusters };
}
