import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityCluster,
  LABEL_TIER,
  readScalingAnnotations,
} from '@meschain/backstage-plugin-scaling-common';
import { createCallerScopedCache } from './callerScopedCache';
import { toEntityCluster } from './clusterResources';
import { EntityScalingFactsService } from './types';

function firstRelationRef(
  entity: Entity,
  type: string,
  kind?: string,
): string | undefined {
  return entity.relations?.find(
    relation =>
      relation.type === type &&
      (!kind || parseEntityRef(relation.targetRef).kind === kind),
  )?.targetRef;
}

function clustersServing(
  regions: string[],
  onlyCluster: string | undefined,
  clusters: EntityCluster[],
): EntityCluster[] {
  return clusters
    .filter(
      cluster =>
        regions.includes(cluster.region) &&
        (!onlyCluster || cluster.name === onlyCluster),
    )
    .sort((a, b) => regions.indexOf(a.region) - regions.indexOf(b.region));
}

export function createEntityScalingFactsService(options: {
  catalog: CatalogService;
  logger: LoggerService;
  clusterResourceType: string;
  /** How long a caller's catalog answers are reused by reads; 0 reads the catalog every time. */
  catalogCacheTtlMs?: number;
}): EntityScalingFactsService {
  const { catalog, logger, clusterResourceType } = options;
  const ttlMs = options.catalogCacheTtlMs ?? 0;
  const entities = createCallerScopedCache<Entity | undefined>({ ttlMs });
  const clusterLists = createCallerScopedCache<EntityCluster[]>({ ttlMs });

  async function readKnownClusters(credentials: BackstageCredentials) {
    const { items } = await catalog.getEntities(
      { filter: { kind: 'Resource', 'spec.type': clusterResourceType } },
      { credentials },
    );
    return items.flatMap(resource => toEntityCluster(resource) ?? []);
  }

  return {
    async getFacts(entityRef, { credentials, fresh }) {
      const ref = stringifyEntityRef(entityRef);
      const loadEntity = () =>
        catalog.getEntityByRef(entityRef, { credentials });
      const loadClusters = () => readKnownClusters(credentials);
      const [entity, knownClusters] = await Promise.all([
        fresh ? loadEntity() : entities.get(credentials, ref, loadEntity),
        fresh
          ? loadClusters()
          : clusterLists.get(credentials, 'clusters', loadClusters),
      ]);
      if (!entity) {
        throw new NotFoundError(`No entity named ${ref} in the catalog`);
      }

      const scaling = readScalingAnnotations(entity);
      const clusters = clustersServing(
        scaling.regions,
        scaling.workload.cluster,
        knownClusters,
      );
      const regionsWithoutCluster = scaling.regions.filter(
        region => !knownClusters.some(cluster => cluster.region === region),
      );
      if (scaling.problems.length > 0) {
        logger.warn('Entity has invalid scaling annotations', {
          entityRef: ref,
          problems: JSON.stringify(scaling.problems),
        });
      }

      return {
        entityRef: ref,
        name: entity.metadata.name,
        title: entity.metadata.title,
        description: entity.metadata.description,
        owner: firstRelationRef(entity, RELATION_OWNED_BY),
        system: firstRelationRef(entity, RELATION_PART_OF, 'system'),
        lifecycle: entity.spec?.lifecycle as string | undefined,
        tier: entity.metadata.labels?.[LABEL_TIER],
        onCall: scaling.onCall,
        scalingPolicy: scaling.scalingPolicy,
        deploymentStrategy: scaling.deploymentStrategy,
        workload: scaling.workload,
        regions: scaling.regions,
        clusters,
        regionsWithoutCluster,
        problems: scaling.problems,
        annotations: scaling.annotations,
      };
    },
  };
}
