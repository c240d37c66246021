import { createHash } from 'node:crypto';
import { RESOURCES, type ResourceDefinition } from '../store/resources';

/**
 * A skeletal OpenAPI v3 description: per group version, the paths of each resource with their
 * operations' group-version-kind and the `fieldValidation` query parameter, and no schemas.
 *
 * kubectl reads exactly this to decide that the server validates fields itself
 * (`kubectl apply`/`create` refuse to run when they cannot download OpenAPI). Without request
 * body schemas, kubectl computes its apply patches from its built-in types, as it does for
 * servers without OpenAPI.
 */

function groupVersionKey(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

const FIELD_VALIDATION = {
  name: 'fieldValidation',
  in: 'query',
  schema: { type: 'string', uniqueItems: true },
};
const DRY_RUN = {
  name: 'dryRun',
  in: 'query',
  schema: { type: 'string', uniqueItems: true },
};

function operation(
  def: ResourceDefinition,
  version: string,
  action: string,
  withValidation: boolean,
) {
  return {
    operationId: `${action}${def.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': {
      group: def.group,
      version,
      kind: def.kind,
    },
    parameters: withValidation ? [DRY_RUN, FIELD_VALIDATION] : [],
    responses: { '200': { description: 'OK' } },
  };
}

function resourcePaths(
  def: ResourceDefinition,
  version: string,
): Record<string, unknown> {
  const base = `/${groupVersionKey(def.group, version)}${
    def.namespaced ? '/namespaces/{namespace}' : ''
  }/${def.plural}`;
  return {
    [base]: {
      get: operation(def, version, 'list', false),
      post: operation(def, version, 'post', true),
    },
    [`${base}/{name}`]: {
      get: operation(def, version, 'get', false),
      put: operation(def, version, 'put', true),
      patch: operation(def, version, 'patch', true),
      delete: operation(def, version, 'delete', false),
    },
  };
}

function groupVersionDocument(group: string, version: string) {
  const paths: Record<string, unknown> = {};
  for (const def of RESOURCES) {
    if (def.group === group && def.servedVersions.includes(version))
      Object.assign(paths, resourcePaths(def, version));
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.4' },
    paths,
    components: { schemas: {} },
  };
}

/** Serves `/openapi/v3` and `/openapi/v3/<api/v1|apis/group/version>` for built-in resources. */
export class OpenApiDocuments {
  readonly #documents = new Map<string, string>();
  readonly #root: string;

  constructor() {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const def of RESOURCES) {
      for (const version of def.servedVersions) {
        const key = groupVersionKey(def.group, version);
        if (this.#documents.has(key)) continue;
        const text = JSON.stringify(groupVersionDocument(def.group, version));
        this.#documents.set(key, text);
        const hash = createHash('sha512')
          .update(text)
          .digest('hex')
          .slice(0, 64)
          .toUpperCase();
        paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
      }
    }
    this.#root = JSON.stringify({ paths });
  }

  /** The JSON text for a path below `/openapi/v3` ('' for the root), or undefined. */
  document(subpath: string): string | undefined {
    const key = subpath.replace(/^\/+|\/+$/g, '');
    return key === '' ? this.#root : this.#documents.get(key);
  }
}
