import type { DiscoveryGroup, DiscoveryResource } from '../cluster/types';
import {
  apiVersionOf,
  RESOURCES,
  type ResourceDefinition,
} from '../store/resources';
import type { AcceptEntry } from './http';

/** The Kubernetes version the sandbox reports; kubectl's version dispatcher keys off it. */
export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;

interface GroupVersionResources {
  group: string;
  version: string;
  resources: ApiResource[];
}

/** One entry of an APIResourceList. */
interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: readonly string[];
  shortNames?: readonly string[];
  categories?: readonly string[];
}

const SUBRESOURCE_VERBS = ['get', 'patch', 'update'] as const;

/** Everything a cluster serves, built-in resources first, for discovery in both formats. */
export class DiscoveryDocument {
  readonly #groupVersions: GroupVersionResources[];

  /** `builtIns: false` describes only `extraGroups`, for a server of nothing but those (an API extension). */
  constructor(
    extraGroups: readonly DiscoveryGroup[],
    options: { builtIns?: boolean } = {},
  ) {
    const byGroupVersion = new Map<string, GroupVersionResources>();
    const entry = (group: string, version: string) => {
      const key = apiVersionOf(group, version);
      let gv = byGroupVersion.get(key);
      if (!gv) {
        gv = { group, version, resources: [] };
        byGroupVersion.set(key, gv);
      }
      return gv;
    };
    for (const def of options.builtIns === false ? [] : RESOURCES) {
      for (const version of def.servedVersions)
        entry(def.group, version).resources.push(...builtInResources(def));
    }
    for (const extra of extraGroups) {
      entry(extra.group, extra.version).resources.push(
        ...extra.resources.map(fromDiscoveryResource),
      );
    }
    this.#groupVersions = [...byGroupVersion.values()];
  }

  /** `/api`: the core group's versions. */
  apiVersions(serverAddress: string) {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
    };
  }

  /** `/apis`: every named group with its versions, the first listed preferred. */
  apiGroupList() {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: this.#namedGroups().map(([name, versions]) => ({
        name,
        versions: versions.map(v => ({
          groupVersion: apiVersionOf(name, v),
          version: v,
        })),
        preferredVersion: {
          groupVersion: apiVersionOf(name, versions[0]),
          version: versions[0],
        },
      })),
    };
  }

  /** `/api/v1` or `/apis/<group>/<version>`, or undefined when not served. */
  resourceList(group: string, version: string) {
    const gv = this.#groupVersions.find(
      g => g.group === group && g.version === version,
    );
    if (!gv) return undefined;
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: apiVersionOf(group, version),
      resources: gv.resources,
    };
  }

  /** The aggregated discovery document (`apidiscovery.k8s.io`) for `/api` (core) or `/apis`. */
  aggregated(core: boolean, apiVersion: string) {
    const groups: [string, string[]][] = core
      ? [['', ['v1']]]
      : this.#namedGroups();
    return {
      kind: 'APIGroupDiscoveryList',
      apiVersion,
      metadata: {},
      items: groups.map(([name, versions]) => ({
        metadata: { name, creationTimestamp: null },
        versions: versions.map(version => ({
          version,
          resources: this.#aggregatedResources(name, version),
          freshness: 'Current',
        })),
      })),
    };
  }

  #aggregatedResources(group: string, version: string) {
    const gv = this.#groupVersions.find(
      g => g.group === group && g.version === version,
    )!;
    const parents = gv.resources.filter(r => !r.name.includes('/'));
    return parents.map(r => ({
      resource: r.name,
      responseKind: { group, version, kind: r.kind },
      scope: r.namespaced ? 'Namespaced' : 'Cluster',
      singularResource: r.singularName,
      verbs: r.verbs,
      ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
      ...(r.categories?.length ? { categories: r.categories } : {}),
      subresources: gv.resources
        .filter(s => s.name.startsWith(`${r.name}/`))
        .map(s => ({
          subresource: s.name.slice(r.name.length + 1),
          responseKind: {
            group: s.group ?? group,
            version: s.version ?? version,
            kind: s.kind,
          },
          verbs: s.verbs,
        })),
    }));
  }

  #namedGroups(): [string, string[]][] {
    const groups = new Map<string, string[]>();
    for (const gv of this.#groupVersions) {
      if (gv.group === '') continue;
      const versions = groups.get(gv.group) ?? [];
      versions.push(gv.version);
      groups.set(gv.group, versions);
    }
    return [...groups];
  }
}

function builtInResources(def: ResourceDefinition): ApiResource[] {
  const main: ApiResource = {
    name: def.plural,
    singularName: def.singular,
    namespaced: def.namespaced,
    kind: def.kind,
    verbs: def.verbs,
    ...(def.shortNames.length ? { shortNames: def.shortNames } : {}),
    ...(def.categories.length ? { categories: def.categories } : {}),
  };
  const subresources = def.subresources.map(sub =>
    sub === 'scale'
      ? {
          name: `${def.plural}/scale`,
          singularName: '',
          namespaced: def.namespaced,
          group: 'autoscaling',
          version: 'v1',
          kind: 'Scale',
          verbs: SUBRESOURCE_VERBS,
        }
      : {
          name: `${def.plural}/${sub}`,
          singularName: '',
          namespaced: def.namespaced,
          kind: def.kind,
          verbs: SUBRESOURCE_VERBS,
        },
  );
  return [main, ...subresources];
}

function fromDiscoveryResource(resource: DiscoveryResource): ApiResource {
  return {
    name: resource.name,
    singularName:
      resource.singularName ??
      (resource.name.includes('/') ? '' : resource.name.replace(/s$/, '')),
    namespaced: resource.namespaced,
    kind: resource.kind,
    verbs: resource.verbs,
    ...(resource.shortNames?.length ? { shortNames: resource.shortNames } : {}),
  };
}

const AGGREGATED_VERSIONS = ['v2', 'v2beta1'];

/** The aggregated discovery version the client asked for first, if any. */
export function aggregatedDiscoveryVersion(
  accept: readonly AcceptEntry[],
): string | undefined {
  for (const entry of accept) {
    if (
      entry.params.g === 'apidiscovery.k8s.io' &&
      entry.params.as === 'APIGroupDiscoveryList'
    ) {
      if (AGGREGATED_VERSIONS.includes(entry.params.v)) return entry.params.v;
      continue;
    }
    return undefined;
  }
  return undefined;
}
