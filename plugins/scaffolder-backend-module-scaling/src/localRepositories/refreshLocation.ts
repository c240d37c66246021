import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Asks the catalog to read the `file` location on `target` again now, rather
 * than at its next processing round, so that a new service shows up at once.
 *
 * @throws NotFoundError when no configured location reads `target`
 */
export async function refreshFileLocation(
  catalog: CatalogService,
  target: string,
  credentials: BackstageCredentials,
): Promise<string> {
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'Location', 'spec.type': 'file', 'spec.target': target },
    },
    { credentials },
  );
  if (items.length === 0) {
    throw new NotFoundError(
      `No catalog location reads ${target}: add it to catalog.locations as a file location`,
    );
  }
  const locationRef = stringifyEntityRef(items[0]);
  await catalog.refreshEntity(locationRef, { credentials });
  return locationRef;
}
