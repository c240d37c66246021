import { LoggerService } from '@backstage/backend-plugin-api';
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
}): EntityScalingFactsService {
  const { catalog, logger, clusterResourceType } = options;

  return {
    async getFacts(entityRef, { credentials }) {
      const ref = stringifyEntityRef(entityRef);
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) {
        throw new NotFoundError(`No entity named ${ref} in the catalog`);
      }

      const scaling = readScalingAnnotations(entity);
      const { items: clusterResources } = await catalog.getEntities(
        { filter: { kind: 'Resource', 'spec.type': clusterResourceType } },
        { credentials },
      );
      const knownClusters = clusterResources.flatMap(
        resource => toEntityCluster(resource) ?? [],
      );
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
