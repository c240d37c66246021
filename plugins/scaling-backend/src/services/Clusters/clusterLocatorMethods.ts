import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { createCatalogClusterSupplier } from './catalogClusterSupplier';
import { createConfigClusterSupplier } from './configClusterSupplier';
import { ClusterSource } from './types';

const LOCATOR_METHODS_KEY = 'kubernetes.clusterLocatorMethods';

/**
 * The cluster sources of `kubernetes.clusterLocatorMethods`, the setting the
 * upstream Kubernetes backend reads, so that both plugins see the same
 * clusters. The `config` and `catalog` methods are supported; other methods
 * (e.g. `gke`) are skipped with a warning.
 */
export function clusterSourcesFromConfig(options: {
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  clusterResourceType: string;
  /** Finds each cluster's credential, by its `authProvider`. */
  authStrategy: AuthenticationStrategy;
}): ClusterSource[] {
  const { config, logger, authStrategy } = options;
  const methods = config.getOptionalConfigArray(LOCATOR_METHODS_KEY) ?? [];

  return methods.flatMap((method, index): ClusterSource[] => {
    const type = method.getString('type');
    const description = `${LOCATOR_METHODS_KEY}[${index}] (type ${type})`;
    switch (type) {
      case 'config':
        return [
          {
            description,
            supplier: createConfigClusterSupplier(
              method,
              `${LOCATOR_METHODS_KEY}[${index}]`,
              authStrategy,
            ),
          },
        ];
      case 'catalog':
        return [
          {
            description,
            supplier: createCatalogClusterSupplier({ ...options, method }),
          },
        ];
      default:
        logger.warn(
          `The scaling backend does not support cluster locator ${description}; its clusters are not used`,
        );
        return [];
    }
  });
}
