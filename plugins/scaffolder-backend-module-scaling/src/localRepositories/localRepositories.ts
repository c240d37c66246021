import { Config } from '@backstage/config';
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

/**
 * Where the portal keeps new services' repositories when no Git host is
 * configured: one Git repository per service under `directory`, whose
 * `catalog-info.yaml` files the catalog reads through one glob `file` location.
 */
export type LocalRepositories = {
  /** Absolute. */
  directory: string;
};

/**
 * `scaling.scaffolder.localRepositories` (relative to the backend's working
 * directory) when `scaling.scaffolder.publishTo` is `local`; undefined when
 * new services go to a Git host, as in production.
 */
export function readLocalRepositories(
  config: Config,
): LocalRepositories | undefined {
  const scaffolder = config.getOptionalConfig('scaling.scaffolder');
  const publishTo = scaffolder?.getOptionalString('publishTo') ?? 'github';
  if (publishTo !== 'local' && publishTo !== 'github') {
    throw new Error(
      `scaling.scaffolder.publishTo must be local or github, got ${publishTo}`,
    );
  }
  if (publishTo === 'github') {
    return undefined;
  }
  const directory = scaffolder!.getString('localRepositories');
  return { directory: resolve(directory) };
}

/**
 * Creates the directory with a `catalog-info.yaml` of its own, an empty
 * Location, so that the catalog's glob location matches a file before the
 * first service exists rather than reporting it missing.
 */
export async function prepareLocalRepositories(
  repositories: LocalRepositories,
): Promise<void> {
  await fs.mkdir(repositories.directory, { recursive: true });
  const file = join(repositories.directory, 'catalog-info.yaml');
  await fs
    .writeFile(
      file,
      stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Location',
        metadata: {
          name: 'meschain-local-repositories',
          description:
            'The repositories of services created from the New MesChain service template without a Git host',
        },
        spec: { targets: [] },
      }),
      { flag: 'wx' },
    )
    .catch(error => {
      if (error.code !== 'EEXIST') {
        throw error;
      }
    });
}
