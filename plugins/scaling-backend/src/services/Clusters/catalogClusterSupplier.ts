import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import {
  ClusterSupplier,
  ScalingCluster,
} from '@meschain/backstage-plugin-scaling-node';
import { checkCatalogClusterUrl } from './catalogClusterUrlPolicy';
import { serviceAccountAuth } from './serviceAccountAuth';

/** Where the token of a catalog cluster is configured; the catalog must never hold it. */
function catalogClusterTokenSetting(clusterName: string): string {
  return `scaling.clusters.${clusterName}.serviceAccountToken`;
}

/** `scaling.clusters.<name>.serviceAccountToken` of every cluster that has one. */
function readCatalogClusterTokens(config: Config): Map<string, string> {
  const clusters = config.getOptionalConfig('scaling.clusters');
  const tokens = new Map<string, string>();
  for (const name of clusters?.keys() ?? []) {
    const token = clusters?.getOptionalString(`${name}.serviceAccountToken`);
    if (token) {
      tokens.set(name, token);
    }
  }
  return tokens;
}

function groupByName(entities: Entity[]): Map<string, Entity[]> {
  const byName = new Map<string, Entity[]>();
  for (const entity of entities) {
    const sameName = byName.get(entity.metadata.name) ?? [];
    sameName.push(entity);
    byName.set(entity.metadata.name, sameName);
  }
  return byName;
}

/**
 * The clusters of a `type: catalog` entry of `kubernetes.clusterLocatorMethods`:
 * `kubernetes-cluster` Resources with a `kubernetes.io/api-server`
 * annotation. The catalog gives the URL and CA; the token comes from
 * `scaling.clusters.<name>.serviceAccountToken`, because a token in the
 * catalog would be readable by every user.
 *
 * A Resource is skipped, with a warning, when its URL fails the checks of
 * {@link checkCatalogClusterUrl} or when two Resources share its name: a
 * token must not go to a URL anyone could have registered under that name.
 */
export function createCatalogClusterSupplier(options: {
  method: Config;
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  clusterResourceType: string;
}): ClusterSupplier {
  const { method, config, catalog, auth, logger, clusterResourceType } =
    options;
  const dangerouslyAllowClusterUrls =
    method.getOptionalStringArray('dangerouslyAllowClusterUrls') ?? [];
  const allowSkipTLSVerify =
    method.getOptionalBoolean('dangerouslyAllowSkipTLSVerify') ?? false;
  const tokens = readCatalogClusterTokens(config);

  async function toCluster(
    resource: Entity,
  ): Promise<ScalingCluster | undefined> {
    const { name, title, annotations = {} } = resource.metadata;
    const url = annotations[ANNOTATION_KUBERNETES_API_SERVER];
    try {
      await checkCatalogClusterUrl(url, { dangerouslyAllowClusterUrls });
    } catch (error) {
      logger.warn(
        `Ignoring cluster ${stringifyEntityRef(
          resource,
        )}: its ${ANNOTATION_KUBERNETES_API_SERVER} annotation is refused`,
        { error: String(error) },
      );
      return undefined;
    }
    return {
      name,
      title,
      url,
      caData: annotations[ANNOTATION_KUBERNETES_API_SERVER_CA],
      skipTLSVerify:
        allowSkipTLSVerify &&
        annotations[ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY] === 'true',
      authHeaders: serviceAccountAuth({
        clusterName: name,
        token: tokens.get(name),
        tokenSetting: catalogClusterTokenSetting(name),
      }),
    };
  }

  return {
    async getClusters() {
      const { items } = await catalog.getEntities(
        {
          filter: { kind: 'Resource', 'spec.type': clusterResourceType },
          fields: ['kind', 'metadata'],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      const withApiServer = items.filter(
        resource =>
          !!resource.metadata.annotations?.[ANNOTATION_KUBERNETES_API_SERVER],
      );
      const clusters = await Promise.all(
        [...groupByName(withApiServer)].map(([name, resources]) => {
          if (resources.length > 1) {
            logger.warn(
              `Ignoring cluster ${name}: several catalog Resources have that name`,
              { entityRefs: resources.map(r => stringifyEntityRef(r)).join() },
            );
            return undefined;
          }
          return toCluster(resources[0]);
        }),
      );
      return clusters.filter(
        (cluster): cluster is ScalingCluster => cluster !== undefined,
      );
    },
  };
}
