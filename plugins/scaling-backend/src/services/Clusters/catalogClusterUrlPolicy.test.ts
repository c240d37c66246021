import { checkCatalogClusterUrl } from './catalogClusterUrlPolicy';

describe('checkCatalogClusterUrl', () => {
  const noExceptions = { dangerouslyAllowClusterUrls: [] };

  it('accepts HTTPS to a public address', async () => {
    await expect(
      checkCatalogClusterUrl('https://8.8.8.8:6443', noExceptions),
    ).resolves.toBeUndefined();
    await expect(
      checkCatalogClusterUrl('https://k8s.example.com', {
        ...noExceptions,
        lookup: async () => ['203.0.114.10', '2001:4860:4860::8888'],
      }),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['plain HTTP', 'http://8.8.8.8', 'the URL must use HTTPS'],
    [
      'credentials',
      'https://admin:secret@8.8.8.8',
      'must not contain credentials',
    ],
    [
      'a loopback address',
      'https://127.0.0.1:6443',
      'non-public address 127.0.0.1',
    ],
    ['a private address', 'https://10.0.4.2', 'non-public address 10.0.4.2'],
    [
      'the cloud metadata address',
      'https://169.254.169.254',
      'non-public address',
    ],
    [
      'an IPv4-mapped loopback',
      'https://[::ffff:127.0.0.1]',
      'non-public address',
    ],
    ['no URL at all', 'not a url', 'is not a valid URL'],
  ])('refuses %s', async (_, url, message) => {
    await expect(checkCatalogClusterUrl(url, noExceptions)).rejects.toThrow(
      message,
    );
  });

  it('refuses a hostname when any of its addresses is private', async () => {
    await expect(
      checkCatalogClusterUrl('https://k8s.example.com', {
        ...noExceptions,
        lookup: async () => ['8.8.8.8', '192.168.1.20'],
      }),
    ).rejects.toThrow(
      "the URL's host k8s.example.com is the non-public address 192.168.1.20",
    );
  });

  it('lets dangerouslyAllowClusterUrls open exact hosts and subdomain patterns, even over HTTP', async () => {
    const options = {
      dangerouslyAllowClusterUrls: ['127.0.0.1', '*.cluster.internal'],
      lookup: async () => ['10.0.0.1'],
    };

    await expect(
      checkCatalogClusterUrl('http://127.0.0.1:8090/clusters/us-east', options),
    ).resolves.toBeUndefined();
    await expect(
      checkCatalogClusterUrl('https://eu.cluster.internal', options),
    ).resolves.toBeUndefined();
    await expect(
      checkCatalogClusterUrl('https://cluster.internal', options),
    ).resolves.toBeUndefined();
    await expect(
      checkCatalogClusterUrl('https://evilcluster.internal', options),
    ).rejects.toThrow('non-public address 10.0.0.1');
  });
});
