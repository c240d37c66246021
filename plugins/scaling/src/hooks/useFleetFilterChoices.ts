import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** A choice of a fleet filter: an entity's ref and its name for people. */
export interface FleetFilterChoice {
  ref: string;
  title: string;
}

function choiceOf(entity: Entity): FleetFilterChoice {
  const profile = (entity.spec?.profile ?? {}) as { displayName?: string };
  return {
    ref: stringifyEntityRef(entity),
    title: profile.displayName ?? entity.metadata.title ?? entity.metadata.name,
  };
}

const byTitle = (a: FleetFilterChoice, b: FleetFilterChoice) =>
  a.title.localeCompare(b.title);

/** What the fleet can be filtered by: the catalog's groups and systems. */
export function useFleetFilterChoices() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const fields = [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.title',
      'spec.profile.displayName',
    ];
    const [groups, systems] = await Promise.all([
      catalogApi.getEntities({ filter: { kind: 'Group' }, fields }),
      catalogApi.getEntities({ filter: { kind: 'System' }, fields }),
    ]);
    return {
      owners: groups.items.map(choiceOf).sort(byTitle),
      systems: systems.items.map(choiceOf).sort(byTitle),
    };
  }, [catalogApi]);
}
