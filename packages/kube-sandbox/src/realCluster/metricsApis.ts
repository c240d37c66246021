import { applyManifests, type KubeClient } from './kubeClient';

const METRICS_APIS = [
  { group: 'metrics.k8s.io', version: 'v1beta1' },
  { group: 'custom.metrics.k8s.io', version: 'v1beta2' },
  { group: 'external.metrics.k8s.io', version: 'v1beta1' },
];

const ADAPTER_SERVICE = { name: 'metrics-adapter', namespace: 'kube-system' };

/**
 * Registers the metrics APIs with the cluster's aggregation layer, served by the metrics adapter
 * on this machine. An ExternalName Service lets the aggregator reach a process outside the
 * cluster, which has no pod network here.
 */
export async function registerMetricsApis(
  admin: KubeClient,
  adapterPort: number,
): Promise<void> {
  await applyManifests(admin, [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: ADAPTER_SERVICE,
      spec: {
        type: 'ExternalName',
        externalName: 'localhost',
        ports: [{ port: adapterPort }],
      },
    },
    ...METRICS_APIS.map(({ group, version }) => ({
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name: `${version}.${group}` },
      spec: {
        group,
        version,
        service: { ...ADAPTER_SERVICE, port: adapterPort },
        // The adapter's certificate is self-signed for this run.
        insecureSkipTLSVerify: true,
        groupPriorityMinimum: 100,
        versionPriority: 100,
      },
    })),
  ]);
}
