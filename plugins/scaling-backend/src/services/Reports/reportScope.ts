import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** A service a report covers, with what its workloads and metrics are labelled by. */
export type ReportService = {
  entityRef: string;
  kubernetesId: string;
  namespace?: string;
};

/** What a report covers: a team's services, or every service of the org. */
export type ReportScopeServices = {
  team?: string;
  services: ReportService[];
};

const KUBERNETES_ID = 'backstage.io/kubernetes-id';
const KUBERNETES_NAMESPACE = 'backstage.io/kubernetes-namespace';

function serviceOf(entity: Entity): ReportService {
  const annotations = entity.metadata.annotations ?? {};
  return {
    entityRef: stringifyEntityRef(entity),
    kubernetesId: annotations[KUBERNETES_ID] ?? entity.metadata.name,
    namespace: annotations[KUBERNETES_NAMESPACE],
  };
}

/** The Components a team owns, or all of them for the org, sorted by ref. */
export async function readScopeServices(
  catalog: CatalogService,
  team: string | undefined,
  credentials: BackstageCredentials,
): Promise<ReportScopeServices> {
  const { items } = await catalog.getEntities(
    {
      filter: {
        kind: 'Component',
        ...(team && { [`relations.${RELATION_OWNED_BY}`]: team }),
      },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.annotations',
      ],
    },
    { credentials },
  );
  return {
    team,
    services: items
      .map(serviceOf)
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef)),
  };
}

/** The groups that own at least one Component: the teams the weekly task reports to. */
export async function readOwningTeams(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<string[]> {
  const { items } = await catalog.getEntities(
    { filter: { kind: 'Component' }, fields: ['relations'] },
    { credentials },
  );
  const teams = new Set<string>();
  for (const entity of items) {
    for (const relation of entity.relations ?? []) {
      if (
        relation.type === RELATION_OWNED_BY &&
        relation.targetRef.startsWith('group:')
      ) {
        teams.add(relation.targetRef);
      }
    }
  }
  return [...teams].sort();
}
