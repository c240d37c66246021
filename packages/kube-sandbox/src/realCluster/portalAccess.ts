import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import type { KubeObject } from '../store/types';
import { applyManifests, type KubeClient } from './kubeClient';

/** The RBAC manifest the scaling backend ships for platform teams to apply to their clusters. */
export const PORTAL_RBAC_MANIFEST = resolve(
  require.resolve('@meschain/kube-sandbox/package.json'),
  '../../../plugins/scaling-backend/manifests/cluster-rbac.yaml',
);

const PORTAL_NAMESPACE = 'meschain-portal';

/** The bearer tokens of the identities a started cluster is reached with. */
export interface PortalAccess {
  /** The portal's service account, bound to the shipped reader and writer roles. */
  token: string;
  /** A service account bound to the reader role only: every write must be refused. */
  readOnlyToken: string;
  /** The metrics adapter, which lists and watches what the load model needs. */
  metricsAdapterToken: string;
}

function serviceAccount(name: string, namespace: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace },
  };
}

function clusterRoleBinding(
  name: string,
  role: string,
  account: KubeObject,
): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: role,
    },
    subjects: [
      {
        kind: 'ServiceAccount',
        name: account.metadata!.name,
        namespace: account.metadata!.namespace,
      },
    ],
  } as KubeObject;
}

async function requestToken(
  client: KubeClient,
  account: KubeObject,
): Promise<string> {
  const { name, namespace } = account.metadata!;
  const answer = await client.expect(
    'POST',
    `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`,
    {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { expirationSeconds: 7 * 24 * 3600 },
    },
  );
  return answer.status.token;
}

/**
 * Applies the shipped RBAC manifest, adds a read-only and a metrics-adapter identity beside it,
 * and returns a token for each.
 */
export async function grantPortalAccess(
  admin: KubeClient,
  manifestPath: string = PORTAL_RBAC_MANIFEST,
): Promise<PortalAccess> {
  await applyManifests(
    admin,
    yaml.loadAll(readFileSync(manifestPath, 'utf8')) as KubeObject[],
  );
  const portal = serviceAccount('scaling-portal', PORTAL_NAMESPACE);
  const readOnly = serviceAccount('scaling-portal-readonly', PORTAL_NAMESPACE);
  const adapter = serviceAccount('metrics-adapter', 'kube-system');
  await applyManifests(admin, [
    readOnly,
    adapter,
    clusterRoleBinding(
      'meschain-scaling-readonly',
      'meschain-scaling-reader',
      readOnly,
    ),
    clusterRoleBinding('meschain-metrics-adapter', 'view-everything', adapter),
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'view-everything' },
      rules: [
        { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
      ],
    },
  ]);
  return {
    token: await requestToken(admin, portal),
    readOnlyToken: await requestToken(admin, readOnly),
    metricsAdapterToken: await requestToken(admin, adapter),
  };
}
