import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  LABEL_TIER,
  readScalingAnnotations,
} from '@meschain/backstage-plugin-scaling-common';
import {
  matchesWorkloadQuery,
  WorkloadQuery,
  workloadQueryFor,
} from '../ScalingState';
import { selectorIndexKey } from './selectorIndex';

/** A catalog service as the fleet shows it, with how its workloads are found. */
export type FleetEntry = {
  entityRef: string;
  title: string;
  owner?: string;
  system?: string;
  tier?: string;
  query: WorkloadQuery;
  /** The regions its `meschain.io/regions` annotation names; empty when it names none. */
  regions: string[];
  /** The entity as read, for its objectives' annotations. */
  entity: Entity;
};

function refOf(
  value: unknown,
  defaultKind: string,
  namespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: namespace }),
    );
  } catch {
    return undefined;
  }
}

function relationOf(entity: Entity, type: string, kind?: string) {
  return entity.relations?.find(
    relation =>
      relation.type === type &&
      (!kind || parseEntityRef(relation.targetRef).kind === kind),
  )?.targetRef;
}

export function fleetEntryOf(entity: Entity): FleetEntry {
  const namespace = entity.metadata.namespace ?? 'default';
  const scaling = readScalingAnnotations(entity);
  const spec = entity.spec as { owner?: unknown; system?: unknown } | undefined;
  return {
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    owner:
      relationOf(entity, RELATION_OWNED_BY) ??
      refOf(spec?.owner, 'group', namespace),
    system:
      relationOf(entity, RELATION_PART_OF, 'system') ??
      refOf(spec?.system, 'system', namespace),
    tier: entity.metadata.labels?.[LABEL_TIER],
    query: workloadQueryFor({
      name: entity.metadata.name,
      workload: scaling.workload,
    }),
    regions: scaling.regions,
    entity,
  };
}

/** The catalog's Components the caller may see, as fleet entries. */
export async function readFleetEntries(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<FleetEntry[]> {
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'Component' },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'metadata.labels',
        'metadata.annotations',
        'spec.owner',
        'spec.system',
        'relations',
      ],
    },
    { credentials },
  );
  return items.map(fleetEntryOf);
}

/** Finds the entries whose workload query selects an object, without testing every entry. */
export class FleetEntryIndex {
  private readonly byLabel = new Map<string, FleetEntry[]>();
  private readonly unindexed: FleetEntry[] = [];

  constructor(entries: FleetEntry[]) {
    for (const entry of entries) {
      const key = selectorIndexKey(entry.query.labelSelector);
      if (!key) {
        this.unindexed.push(entry);
        continue;
      }
      const list = this.byLabel.get(key) ?? [];
      list.push(entry);
      this.byLabel.set(key, list);
    }
  }

  entriesSelecting(object: {
    namespace?: string;
    labels?: Record<string, string>;
  }): FleetEntry[] {
    const candidates = [
      ...Object.entries(object.labels ?? {}).flatMap(
        ([name, value]) => this.byLabel.get(`${name}=${value}`) ?? [],
      ),
      ...this.unindexed,
    ];
    return [...new Set(candidates)].filter(entry =>
      matchesWorkloadQuery(entry.query, object),
    );
  }
}
