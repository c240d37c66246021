import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  LABEL_TIER,
  UNALLOCATED_COST_ENTITY,
  readScalingAnnotations,
} from '@meschain/backstage-plugin-scaling-common';
import {
  WorkloadQuery,
  matchesWorkloadQuery,
  prometheusLabelName,
  workloadQueryFor,
} from '../ScalingState';

/** The catalog entity a cost allocation belongs to, its owner and its tier. */
export type CostOwnership = {
  entityRef: string;
  ownerRef: string;
  tier?: string;
};

/** Maps an allocation's namespace and labels to the entity that runs it. */
export type CostEntityMapping = (workload: {
  namespace?: string;
  labels?: Record<string, string>;
}) => CostOwnership | undefined;

export const UNALLOCATED: CostOwnership = {
  entityRef: UNALLOCATED_COST_ENTITY,
  ownerRef: UNALLOCATED_COST_ENTITY,
};

function ownerOf(entity: Entity): string {
  return (
    entity.relations?.find(r => r.type === RELATION_OWNED_BY)?.targetRef ??
    UNALLOCATED_COST_ENTITY
  );
}

/**
 * The mapping of the catalog's components as it stands now, through the same
 * workload lookup as the scaling views (`backstage.io/kubernetes-label-selector`,
 * `backstage.io/kubernetes-id`, `backstage.io/kubernetes-namespace`), so a
 * workload is costed to the service whose Scaling tab shows it.
 */
export function createCostEntityMapping(entities: Entity[]): CostEntityMapping {
  const lookups: Array<CostOwnership & { query: WorkloadQuery }> = entities
    .map(entity => ({
      entityRef: stringifyEntityRef(entity),
      ownerRef: ownerOf(entity),
      tier: entity.metadata.labels?.[LABEL_TIER],
      query: workloadQueryFor({
        name: entity.metadata.name,
        workload: readScalingAnnotations(entity).workload,
      }),
    }))
    // Deterministic when two entities select the same workload.
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  return workload => {
    const found = lookups.find(lookup =>
      matchesWorkloadQuery(lookup.query, workload, prometheusLabelName),
    );
    return (
      found && {
        entityRef: found.entityRef,
        ownerRef: found.ownerRef,
        tier: found.tier,
      }
    );
  };
}

/** Reads the catalog's components with the backend's own credentials. */
export async function loadCostEntityMapping(options: {
  catalog: CatalogService;
  auth: AuthService;
}): Promise<CostEntityMapping> {
  const { items } = await options.catalog.getEntities(
    { filter: { kind: 'Component' } },
    { credentials: await options.auth.getOwnServiceCredentials() },
  );
  return createCostEntityMapping(items);
}
