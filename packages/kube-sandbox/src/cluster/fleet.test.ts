import { SimClock } from '../clock';
import { ServiceIpAllocator } from '../api/strategy';
import { createCluster } from './createCluster';
import { FleetError, loadFleet, parseFleet } from './fleet';
import { seedCluster } from './seed';

describe('the default fleet', () => {
  const fleet = loadFleet();
  const byName = new Map(fleet.clusters.map(c => [c.name, c]));

  it('has the four primary and three DR regions of the brief', () => {
    expect(fleet.clusters.map(c => `${c.name}:${c.role}`)).toEqual([
      'us-east:primary',
      'eu-west:primary',
      'ap-southeast:primary',
      'tr-central:primary',
      'us-west:dr',
      'eu-central:dr',
      'ap-northeast:dr',
    ]);
    expect(byName.get('tr-central')!.drPartner).toBe('eu-central');
  });

  it('runs all eight services in the primaries and a smaller standby in the DR regions', () => {
    const eight = [
      'user-service',
      'product-service',
      'order-service',
      'marketplace-service',
      'analytics-service',
      'notification-service',
      'logging-service',
      'monitoring-service',
    ];
    for (const cluster of fleet.clusters.filter(c => c.role === 'primary')) {
      expect(cluster.services.map(s => s.name)).toEqual(eight);
    }
    const primary = byName.get('us-east')!.services;
    for (const cluster of fleet.clusters.filter(c => c.role === 'dr')) {
      expect(cluster.services.length).toBeLessThan(8);
      for (const service of cluster.services) {
        expect(service.replicas).toBeLessThan(
          primary.find(p => p.name === service.name)!.replicas,
        );
      }
    }
  });

  it('seeds namespaces, nodes, workloads of the right kind, services and HPAs', () => {
    const cluster = createCluster(byName.get('eu-west')!, {
      clock: new SimClock(),
      seed: 1,
    });
    seedCluster(cluster, new ServiceIpAllocator());
    const { store } = cluster;
    const names = (resource: string) =>
      store
        .list(resource, { namespace: 'meschain-sync' })
        .items.map(o => o.metadata.name);
    expect(names('rollouts.argoproj.io')).toEqual([
      'marketplace-service',
      'monitoring-service',
      'order-service',
      'product-service',
      'user-service',
    ]);
    expect(names('deployments.apps')).toEqual([
      'analytics-service',
      'logging-service',
      'notification-service',
    ]);
    expect(names('horizontalpodautoscalers.autoscaling')).toHaveLength(8);
    expect(names('services')).toContain('user-service-preview');
    // The A/B service's Rollout routes through an Istio VirtualService.
    expect(names('virtualservices.networking.istio.io')).toEqual([
      'product-service',
    ]);
    expect(
      store.mustGet('nodes', undefined, 'eu-west-general-1').metadata.labels,
    ).toMatchObject({
      'node.kubernetes.io/instance-type': 'm6i.xlarge',
      'topology.kubernetes.io/region': 'eu-west',
    });
    const user = store.mustGet(
      'rollouts.argoproj.io',
      'meschain-sync',
      'user-service',
    );
    expect(user.metadata.labels).toMatchObject({
      'backstage.io/kubernetes-id': 'user-service',
      'app.kubernetes.io/name': 'user-service',
    });
    expect((user.spec as { strategy: unknown }).strategy).toMatchObject({
      blueGreen: {
        activeService: 'user-service',
        previewService: 'user-service-preview',
      },
    });
    const product = store.mustGet(
      'rollouts.argoproj.io',
      'meschain-sync',
      'product-service',
    );
    expect(JSON.stringify(product.spec)).toContain('setHeaderRoute');
    const hpa = store.mustGet(
      'horizontalpodautoscalers.autoscaling',
      'meschain-sync',
      'marketplace-service',
    ).spec as Record<string, unknown>;
    expect(hpa.scaleTargetRef).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      name: 'marketplace-service',
    });
    expect(hpa.metrics).toHaveLength(2);
  });

  it('explains what is wrong with a bad fleet file', () => {
    expect(() => parseFleet('clusters: []')).toThrow(FleetError);
    expect(() =>
      parseFleet(
        'clusters: [{ name: a, token: t, prices: { cpuCoreHour: 1, ramGiBHour: 1 }, nodePools: [{ name: p, instanceType: nope, count: 1 }], services: [] }]',
      ),
    ).toThrow('cluster "a": node pool "p" has an unknown instance type "nope"');
  });

  it('reads how long the seed has been running, as a duration', () => {
    const cluster =
      'clusters: [{ name: a, token: t, prices: { cpuCoreHour: 1, ramGiBHour: 1 }, nodePools: [], services: [] }]';
    expect(loadFleet().historyMs).toBe(90 * 86_400_000);
    expect(parseFleet(`history: 12h\n${cluster}`).historyMs).toBe(43_200_000);
    expect(parseFleet(cluster).historyMs).toBe(0);
    expect(() => parseFleet(`history: ninety days\n${cluster}`)).toThrow(
      'history must be a duration such as 90d or 12h, got "ninety days"',
    );
    expect(() => parseFleet(`history: 90\n${cluster}`)).toThrow(
      'history must be a duration such as 90d or 12h, got 90',
    );
  });

  it('gives each cluster the resources its services depend on, as the catalog names them', () => {
    expect(byName.get('eu-west')!.resources).toEqual([
      { name: 'user-db', type: 'database', maxConnections: 100 },
      { name: 'redis-cache', type: 'cache' },
      { name: 'sync-events-queue', type: 'queue' },
      { name: 'product-db', type: 'database', maxConnections: 100 },
      { name: 'order-db', type: 'database', maxConnections: 100 },
      { name: 'marketplace-db', type: 'database', maxConnections: 100 },
      { name: 'analytics-warehouse', type: 'database', maxConnections: 40 },
    ]);
    // A DR standby runs four services, so it has no analytics warehouse.
    expect(byName.get('eu-central')!.resources!.map(r => r.name)).not.toContain(
      'analytics-warehouse',
    );

    const file = (resources: string) =>
      `${resources}
services:
  web: { image: w, replicas: 1, strategy: rolling, resources: { requests: { cpu: 1, memory: 1Gi } }, dependsOn: [web-db] }
clusters: [{ name: a, token: t, prices: { cpuCoreHour: 1, ramGiBHour: 1 }, nodePools: [], services: all }]`;
    expect(() => parseFleet(file(''))).toThrow(
      'cluster "a": service "web" depends on "web-db", which is not in `resources`',
    );
    expect(() =>
      parseFleet(file('resources: { web-db: { type: warehouse } }')),
    ).toThrow(
      'resource "web-db" has type "warehouse"; expected one of database, cache, queue',
    );
  });
});
