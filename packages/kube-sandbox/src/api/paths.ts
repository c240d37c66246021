import {
  findResource,
  RESOURCES,
  type ResourceDefinition,
} from '../store/resources';
import { statusErrors } from '../status';

/** A request for a resource collection, an object or one of its subresources. */
export interface ResourcePath {
  definition: ResourceDefinition;
  /** The group version the client addressed (may differ from the storage version). */
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The legacy `/watch/` path prefix was used. */
  legacyWatch: boolean;
}

export type ApiPath =
  | { type: 'resource'; resource: ResourcePath }
  | { type: 'groupVersion'; group: string; version: string }
  | { type: 'other' };

/**
 * Parses a cluster-relative path such as `/apis/apps/v1/namespaces/x/deployments/y/scale` or
 * `/api/v1/watch/pods`. `other` is returned for anything that is not a built-in resource path,
 * so that extra routes and discovery can take it.
 */
export function parseApiPath(path: string): ApiPath {
  const segments = path
    .split('/')
    .filter(s => s.length > 0)
    .map(decodeURIComponent);
  let group: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 2) {
    group = '';
    rest = segments.slice(1);
  } else if (segments[0] === 'apis' && segments.length >= 3) {
    group = segments[1];
    rest = segments.slice(2);
  } else {
    return { type: 'other' };
  }
  const version = rest[0];
  let tail = rest.slice(1);
  if (tail.length === 0) return { type: 'groupVersion', group, version };

  let legacyWatch = false;
  if (tail[0] === 'watch') {
    legacyWatch = true;
    tail = tail.slice(1);
  }

  let namespace: string | undefined;
  if (tail[0] === 'namespaces' && tail.length >= 3) {
    const namespaced = findResource(group, version, tail[2]);
    if (namespaced?.namespaced) {
      namespace = tail[1];
      tail = tail.slice(2);
    }
  }
  const [plural, name, subresource, ...extra] = tail;
  const definition = findResource(group, version, plural);
  if (!definition || extra.length > 0) {
    // The group version is ours but the resource is not: answer like the API server does.
    if (findGroupVersionKnown(group, version))
      throw statusErrors.pathNotFound();
    return { type: 'other' };
  }
  if (definition.namespaced && namespace === undefined && name !== undefined)
    throw statusErrors.pathNotFound();
  return {
    type: 'resource',
    resource: {
      definition,
      version,
      namespace,
      name,
      subresource,
      legacyWatch,
    },
  };
}

function findGroupVersionKnown(group: string, version: string): boolean {
  return RESOURCES.some(
    r => r.group === group && r.servedVersions.includes(version),
  );
}
