import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { sep } from 'node:path';

/**
 * Asks the catalog to read the `file` location on `directory` again now,
 * rather than at its next processing round, so that a new service shows up
 * at once.
 *
 * @throws NotFoundError when no configured location reads `directory`
 */
export async function refreshFileLocation(
  catalog: CatalogService,
  directory: string,
  credentials: BackstageCredentials,
): Promise<string> {
  const { items } = await catalog.getEntities(
    { filter: { kind: 'Location', 'spec.type': 'file' } },
    { credentials },
  );
  const location = items.find(item =>
    String(item.spec?.target ?? '').startsWith(`${directory}${sep}`),
  );
  if (!location) {
    throw new NotFoundError(
      `No catalog location reads ${directory}: add a file location on its catalog-info.yaml files to catalog.locations`,
    );
  }
  const locationRef = stringifyEntityRef(location);
  await catalog.refreshEntity(locationRef, { credentials });
  return locationRef;
}
