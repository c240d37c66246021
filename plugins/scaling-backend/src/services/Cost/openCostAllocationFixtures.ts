/**
 * Allocation entries in the shape OpenCost documents for `GET /allocation`
 * (`AllocationJSON`), for tests of the source. Every figure is chosen so that
 * totals can be checked by hand.
 */
export function openCostEntry(
  name: string,
  figures: Record<string, unknown>,
  properties: Record<string, unknown> = {},
) {
  return {
    name,
    properties,
    window: { start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' },
    start: '2026-11-01T00:00:00Z',
    end: '2026-11-02T00:00:00Z',
    minutes: 1440,
    cpuCores: 1,
    cpuCoreRequestAverage: 1,
    cpuCoreUsageAverage: 0.25,
    cpuCoreHours: 24,
    cpuCost: 0.96,
    cpuCostAdjustment: 0,
    cpuEfficiency: 0.25,
    gpuCount: 0,
    gpuHours: 0,
    gpuCost: 0,
    gpuCostAdjustment: 0,
    networkTransferBytes: 0,
    networkReceiveBytes: 0,
    networkCost: 0,
    networkCostAdjustment: 0,
    loadBalancerCost: 0,
    loadBalancerCostAdjustment: 0,
    pvBytes: 0,
    pvByteHours: 0,
    pvCost: 0,
    pvCostAdjustment: 0,
    ramBytes: 2147483648,
    ramByteRequestAverage: 2147483648,
    ramByteUsageAverage: 1073741824,
    ramByteHours: 51539607552,
    ramCost: 0.24,
    ramCostAdjustment: 0,
    ramEfficiency: 0.5,
    sharedCost: 0,
    externalCost: 0,
    totalCost: 1.2,
    totalEfficiency: 0.3,
    ...figures,
  };
}

/** One day of one cluster aggregated by namespace and controller, with idle and unallocated cost. */
export const recordedAllocationDay = {
  code: 200,
  status: 'success',
  data: [
    {
      'meschain-sync/deployment:order-service': openCostEntry(
        'meschain-sync/deployment:order-service',
        {
          pvCost: 0.3,
          networkCost: 0.1,
          loadBalancerCost: 0.05,
          totalCost: 1.65,
        },
        {
          cluster: 'meschain-eu-west',
          namespace: 'meschain-sync',
          controller: 'order-service',
          controllerKind: 'deployment',
          labels: {
            backstage_io_kubernetes_id: 'order-service',
            app: 'order-service',
          },
        },
      ),
      'meschain-sync/deployment:logging-service': openCostEntry(
        'meschain-sync/deployment:logging-service',
        { cpuCost: 0.48, ramCost: 0.12, totalCost: 0.6 },
        {
          cluster: 'meschain-eu-west',
          namespace: 'meschain-sync',
          controller: 'logging-service',
          controllerKind: 'deployment',
          labels: { backstage_io_kubernetes_id: 'logging-service' },
        },
      ),
      'kube-system/__unallocated__': openCostEntry(
        'kube-system/__unallocated__',
        { cpuCost: 0.1, ramCost: 0.05, totalCost: 0.15 },
        {
          cluster: 'meschain-eu-west',
          namespace: 'kube-system',
          labels: { k8s_app: 'kube-dns' },
        },
      ),
      __idle__: openCostEntry(
        '__idle__',
        {
          cpuCoreRequestAverage: 0,
          cpuCoreUsageAverage: 0,
          ramByteRequestAverage: 0,
          ramByteUsageAverage: 0,
          cpuCost: 2,
          ramCost: 0.5,
          totalCost: 2.5,
        },
        { cluster: 'meschain-eu-west' },
      ),
    },
  ],
};
