import { mockServices } from '@backstage/backend-test-utils';
import { Region } from '@meschain/backstage-plugin-scaling-common';
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import {
  ClusterDirectory,
  KubernetesClient,
  KubernetesClients,
} from '../Clusters';
import { createRegionFactsReader } from './readRegionFacts';

const region: Region = {
  id: 'eu-west',
  displayName: 'EU West',
  role: 'primary',
  clusters: ['eu-west-1'],
};

/** A cluster with no nodes or pods, which answers each list when told to. */
function slowEmptyCluster() {
  const listed: string[] = [];
  const waiting: Array<() => void> = [];
  const client = {
    clusterName: 'eu-west-1',
    list: (path: string) => {
      listed.push(path);
      return new Promise(resolve => waiting.push(() => resolve({ items: [] })));
    },
  } as unknown as KubernetesClient;
  const kubernetes = {
    forCluster: () => client,
  } as unknown as KubernetesClients;
  const clusters: ClusterDirectory = {
    listClusters: async () => [],
    getCluster: async name => ({ name } as ScalingCluster),
  };
  // Some lists follow others, so answer until none is left.
  const answerAll = async () => {
    do {
      waiting.splice(0).forEach(answer => answer());
      await new Promise(resolve => setImmediate(resolve));
    } while (waiting.length > 0);
  };
  return { listed, kubernetes, clusters, answerAll };
}

describe('createRegionFactsReader', () => {
  it('lets requests made while a cluster is being read share that read, and reads again after', async () => {
    const cluster = slowEmptyCluster();
    const readRegion = createRegionFactsReader({
      clusters: cluster.clusters,
      kubernetes: cluster.kubernetes,
      logger: mockServices.logger.mock(),
      clusterTimeoutMs: 5_000,
    });

    const first = readRegion(region, () => undefined);
    const second = readRegion(region, () => undefined);
    await new Promise(resolve => setImmediate(resolve));
    const listsOfOneRead = cluster.listed.length;
    await cluster.answerAll();
    const [a, b] = await Promise.all([first, second]);

    expect(listsOfOneRead).toBeGreaterThan(0);
    expect(cluster.listed).toHaveLength(listsOfOneRead);
    expect(a.facts.clusters).toEqual(b.facts.clusters);
    expect(a.facts.health).toBe('healthy');

    const third = readRegion(region, () => undefined);
    await new Promise(resolve => setImmediate(resolve));
    await cluster.answerAll();
    await third;
    expect(cluster.listed).toHaveLength(2 * listsOfOneRead);
  });
});
