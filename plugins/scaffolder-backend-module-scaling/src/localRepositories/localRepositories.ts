import { Config } from '@backstage/config';
import { resolve } from 'node:path';

/**
 * Where the portal keeps new services' repositories when no Git host is
 * configured: one Git repository per service under `directory`, whose
 * `catalog-info.yaml` files the catalog reads through one glob `file` location.
 */
export type LocalRepositories = {
  /** Absolute. */
  directory: string;
  /** The `file` location target the catalog reads them through, absolute. */
  catalogTarget: string;
};

/** `scaling.scaffolder.localRepositories`, relative to the backend's working directory; unset in production. */
export function readLocalRepositories(
  config: Config,
): LocalRepositories | undefined {
  const directory = config.getOptionalString(
    'scaling.scaffolder.localRepositories',
  );
  if (!directory) {
    return undefined;
  }
  const absolute = resolve(directory);
  return {
    directory: absolute,
    catalogTarget: resolve(absolute, '*', 'catalog-info.yaml'),
  };
}
