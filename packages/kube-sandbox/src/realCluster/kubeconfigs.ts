import yaml from 'js-yaml';
import type { RealCluster } from './controlPlane';
import type { ControlPlanePki } from './pki';

/** A kubeconfig of one cluster as admin, with file references, for the control plane's programs. */
export function adminKubeconfig(pki: ControlPlanePki, url: string): string {
  return yaml.dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'cluster',
        cluster: { server: url, 'certificate-authority': pki.ca.certFile },
      },
    ],
    users: [
      {
        name: 'admin',
        user: {
          'client-certificate': pki.admin.certFile,
          'client-key': pki.admin.keyFile,
        },
      },
    ],
    contexts: [
      { name: 'admin', context: { cluster: 'cluster', user: 'admin' } },
    ],
    'current-context': 'admin',
  });
}

/** One context per cluster as the portal's service account, and `<cluster>-admin` as admin. */
export function renderRealKubeconfig(
  clusters: RealCluster[],
  pki: ControlPlanePki,
): string {
  const caData = Buffer.from(pki.ca.certPem).toString('base64');
  const base64 = (pem: string) => Buffer.from(pem).toString('base64');
  return yaml.dump(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: clusters.map(c => ({
        name: c.name,
        cluster: { server: c.url, 'certificate-authority-data': caData },
      })),
      users: [
        ...clusters.map(c => ({
          name: `${c.name}-portal`,
          user: { token: c.portal.token },
        })),
        {
          name: 'admin',
          user: {
            'client-certificate-data': base64(pki.admin.certPem),
            'client-key-data': base64(pki.admin.keyPem),
          },
        },
      ],
      contexts: clusters.flatMap(c => [
        {
          name: c.name,
          context: {
            cluster: c.name,
            user: `${c.name}-portal`,
            namespace: c.spec.namespace,
          },
        },
        {
          name: `${c.name}-admin`,
          context: {
            cluster: c.name,
            user: 'admin',
            namespace: c.spec.namespace,
          },
        },
      ]),
      'current-context': clusters[0]?.name,
    },
    { lineWidth: -1 },
  );
}
