import { findLeaks, kubeconfigSecrets } from './__testUtils__/secretLeaks';

const PEM =
  '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----';
const KEY_DATA = Buffer.from(
  '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIO\n-----END EC PRIVATE KEY-----',
).toString('base64');

const KUBECONFIG = `
apiVersion: v1
kind: Config
clusters:
  - name: eu-west
    cluster:
      server: https://127.0.0.1:6443
      certificate-authority-data: ${Buffer.from(PEM).toString('base64')}
users:
  - name: eu-west-admin
    user:
      token: sandbox-token-eu-west
  - name: eu-west-cert
    user:
      client-certificate-data: ${Buffer.from(PEM).toString('base64')}
      client-key-data: ${KEY_DATA}
`;

describe('the search for leaked cluster credentials', () => {
  const secrets = kubeconfigSecrets(KUBECONFIG);

  it('takes every token, client certificate, key and CA of a kubeconfig, encoded and decoded', () => {
    expect(secrets).toEqual(
      expect.arrayContaining([
        'sandbox-token-eu-west',
        KEY_DATA,
        Buffer.from(KEY_DATA, 'base64').toString('utf8'),
        PEM,
      ]),
    );
  });

  it('finds a token, key data or any PEM block in a text, and names where without the secret', () => {
    const leaks = findLeaks(
      [
        {
          where: 'answer 1',
          text: '{"error":{"message":"Bearer sandbox-token-eu-west refused"}}',
        },
        { where: 'log line 7', text: `client key ${KEY_DATA}` },
        { where: 'log line 9', text: 'ca: -----BEGIN CERTIFICATE----- …' },
        { where: 'answer 2', text: '{"replicas":3}' },
      ],
      secrets,
    );
    expect(leaks).toEqual([
      { where: 'answer 1', secret: 'sand… (21 chars)' },
      {
        where: 'log line 7',
        secret: `${KEY_DATA.slice(0, 4)}… (${KEY_DATA.length} chars)`,
      },
      { where: 'log line 9', secret: '-----BEGIN' },
    ]);
  });
});
