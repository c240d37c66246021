import { mockServices } from '@backstage/backend-test-utils';
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import { createClusterDirectory } from './createClusterDirectory';

function cluster(
  name: string,
  url = `https://${name}.example.com`,
): ScalingCluster {
  return {
    name,
    url,
    authMetadata: {},
    getCredential: async () => ({ type: 'anonymous' }),
  };
}

function supplierOf(...clusters: ScalingCluster[]) {
  return { getClusters: jest.fn(async () => clusters) };
}

describe('createClusterDirectory', () => {
  const logger = mockServices.logger.mock();

  it('merges every source, the first source winning on a shared name', async () => {
    const directory = createClusterDirectory({
      sources: [
        { description: 'config', supplier: supplierOf(cluster('us-east')) },
        {
          description: 'added supplier',
          supplier: supplierOf(
            cluster('us-east', 'https://elsewhere.example.com'),
            cluster('eu-west'),
          ),
        },
      ],
      logger,
      cacheTtlMs: 0,
    });

    const clusters = await directory.listClusters();

    expect(clusters.map(c => [c.name, c.url])).toEqual([
      ['us-east', 'https://us-east.example.com'],
      ['eu-west', 'https://eu-west.example.com'],
    ]);
    await expect(directory.getCluster('eu-west')).resolves.toMatchObject({
      name: 'eu-west',
    });
  });

  it('says a cluster is not configured when no source has it', async () => {
    const directory = createClusterDirectory({
      sources: [
        { description: 'config', supplier: supplierOf(cluster('us-east')) },
      ],
      logger,
      cacheTtlMs: 0,
    });

    await expect(directory.getCluster('sa-east')).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'Cluster sa-east is not configured: neither kubernetes.clusterLocatorMethods nor an added cluster supplier provides it',
    });
  });

  it('says which source failed when the cluster may be among its clusters', async () => {
    const directory = createClusterDirectory({
      sources: [
        { description: 'config', supplier: supplierOf(cluster('us-east')) },
        {
          description: 'kubernetes.clusterLocatorMethods[1] (type catalog)',
          supplier: {
            getClusters: async () => {
              throw new Error('catalog is down');
            },
          },
        },
      ],
      logger,
      cacheTtlMs: 0,
    });

    await expect(directory.getCluster('us-east')).resolves.toMatchObject({
      name: 'us-east',
    });
    await expect(directory.getCluster('eu-west')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'Cluster eu-west is not known, and some cluster sources could not be read: kubernetes.clusterLocatorMethods[1] (type catalog): Error: catalog is down',
    });
  });

  it('reads a source once per TTL, and keeps its last clusters when a refresh fails', async () => {
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const getClusters = jest
      .fn<Promise<ScalingCluster[]>, []>()
      .mockResolvedValueOnce([cluster('us-east')])
      .mockRejectedValueOnce(new Error('catalog is down'));
    const directory = createClusterDirectory({
      sources: [{ description: 'catalog', supplier: { getClusters } }],
      logger,
      cacheTtlMs: 30_000,
    });

    await directory.listClusters();
    now += 10_000;
    await directory.listClusters();
    expect(getClusters).toHaveBeenCalledTimes(1);

    now += 30_000;
    await expect(directory.getCluster('us-east')).resolves.toMatchObject({
      name: 'us-east',
    });
    expect(getClusters).toHaveBeenCalledTimes(2);
  });

  afterEach(() => jest.restoreAllMocks());
});
