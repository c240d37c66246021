import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KUBERNETES_ID_LABEL, ServiceOwnership } from './servicePlacements';

/** The id a Component's workloads carry: its `backstage.io/kubernetes-id`, else its name, as the upstream Kubernetes plugin reads it. */
export function kubernetesIdOf(entity: Entity): string {
  return (
    entity.metadata.annotations?.[KUBERNETES_ID_LABEL] ?? entity.metadata.name
  );
}

function ownershipOf(entity: Entity): ServiceOwnership {
  const spec = entity.spec as { owner?: string; system?: string } | undefined;
  return {
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title,
    owner: spec?.owner,
    system: spec?.system,
  };
}

/** The catalog's Components by the kubernetes id of their workloads, as the caller may see them. */
export async function readServiceOwnership(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Map<string, ServiceOwnership>> {
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'Component' },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'metadata.annotations',
        'spec.owner',
        'spec.system',
      ],
    },
    { credentials },
  );
  return new Map(
    items.map(entity => [kubernetesIdOf(entity), ownershipOf(entity)]),
  );
}
