import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { toError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import {
  AuthenticationStrategy,
  AuthMetadata,
} from '@backstage/plugin-kubernetes-node';
import {
  ClusterSupplier,
  ScalingCluster,
} from '@meschain/backstage-plugin-scaling-node';
import { authenticatedCluster } from './auth/authenticatedCluster';
import {
  DEFAULT_AUTH_PROVIDER,
  readAuthMetadataBlock,
} from './auth/configAuthMetadata';
import { checkCatalogClusterUrl } from './catalogClusterUrlPolicy';

/** Where the secrets of a catalog cluster are configured; the catalog must never hold them. */
function catalogClusterSetting(clusterName: string): string {
  return `scaling.clusters.${clusterName}`;
}

/**
 * The auth metadata `scaling.clusters.<name>` gives each catalog cluster:
 * its `serviceAccountToken`, and its `authMetadata` block (e.g. an x509
 * client certificate).
 */
function readCatalogClusterSecrets(config: Config): Map<string, AuthMetadata> {
  const clusters = config.getOptionalConfig('scaling.clusters');
  const secrets = new Map<string, AuthMetadata>();
  for (const name of clusters?.keys() ?? []) {
    const entry = config.getConfig(`scaling.clusters.${name}`);
    const token = entry.getOptionalString('serviceAccountToken');
    secrets.set(name, {
      ...(token ? { serviceAccountToken: token } : {}),
      ...readAuthMetadataBlock(entry, catalogClusterSetting(name)),
    });
  }
  return secrets;
}

/** The annotations upstream's catalog locator passes to strategies: the `kubernetes.io/` ones. */
function kubernetesAnnotations(
  annotations: Record<string, string>,
): AuthMetadata {
  return Object.fromEntries(
    Object.entries(annotations).filter(([key]) =>
      key.startsWith('kubernetes.io/'),
    ),
  );
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
 * annotation. The catalog gives the URL, CA and `kubernetes.io/auth-provider`
 * (`serviceAccount` when absent) and the provider's other `kubernetes.io/`
 * settings; secrets such as the token come from `scaling.clusters.<name>`,
 * because a secret in the catalog would be readable by every user.
 *
 * A Resource is skipped, with a warning, when its URL fails the checks of
 * {@link checkCatalogClusterUrl}, when two Resources share its name (a
 * credential must not go to a URL anyone could have registered under that
 * name), or when its provider's strategy refuses its settings.
 */
export function createCatalogClusterSupplier(options: {
  method: Config;
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  clusterResourceType: string;
  authStrategy: AuthenticationStrategy;
}): ClusterSupplier {
  const {
    method,
    config,
    catalog,
    auth,
    logger,
    clusterResourceType,
    authStrategy,
  } = options;
  const dangerouslyAllowClusterUrls =
    method.getOptionalStringArray('dangerouslyAllowClusterUrls') ?? [];
  const allowSkipTLSVerify =
    method.getOptionalBoolean('dangerouslyAllowSkipTLSVerify') ?? false;
  const secrets = readCatalogClusterSecrets(config);

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
    const cluster = {
      name,
      title,
      url,
      caData: annotations[ANNOTATION_KUBERNETES_API_SERVER_CA],
      skipTLSVerify:
        allowSkipTLSVerify &&
        annotations[ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY] === 'true',
      authMetadata: {
        [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: DEFAULT_AUTH_PROVIDER,
        ...kubernetesAnnotations(annotations),
        ...secrets.get(name),
      },
    };
    try {
      return authenticatedCluster(cluster, {
        authStrategy,
        tokenSetting: `${catalogClusterSetting(name)}.serviceAccountToken`,
      });
    } catch (error) {
      logger.warn(
        `Ignoring cluster ${stringifyEntityRef(resource)}: ${
          toError(error).message
        }`,
      );
      return undefined;
    }
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
