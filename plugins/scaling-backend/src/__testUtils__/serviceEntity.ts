import { Entity } from '@backstage/catalog-model';

/** The namespace the sandbox's fleet runs its services in. */
export const SANDBOX_NAMESPACE = 'meschain-sync';

/** A service of the sandbox's fleet as the catalog holds it: owned, in the MesChain-Sync system. */
export function serviceEntity(
  name: string,
  options: { owner: string; regions?: string[]; tier?: string },
): Entity {
  const { owner, regions, tier } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(tier && { labels: { tier } }),
      annotations: {
        'backstage.io/kubernetes-id': name,
        'backstage.io/kubernetes-namespace': SANDBOX_NAMESPACE,
        ...(regions && { 'meschain.io/regions': regions.join(',') }),
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner,
      system: 'meschain-sync',
    },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

/** A region's cluster as the catalog describes it: a `kubernetes-cluster` Resource owned by the platform team. */
export function clusterEntity(
  region: string,
  options: {
    role?: 'primary' | 'dr';
    annotations?: Record<string, string>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `meschain-${region}`,
      namespace: 'default',
      annotations: {
        'meschain.io/region': region,
        'meschain.io/region-role': options.role ?? 'primary',
        ...options.annotations,
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
  };
}
