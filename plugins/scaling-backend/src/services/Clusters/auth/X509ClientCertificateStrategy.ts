import {
  AuthMetadata,
  AuthenticationStrategy,
  ClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import { createPrivateKey, KeyObject, X509Certificate } from 'node:crypto';
import { decodePemData } from '../pemData';

/** The `authProvider` of clusters reached with an x509 client certificate. */
export const X509_CLIENT_CERTIFICATE_AUTH_PROVIDER = 'x509ClientCertificate';

/**
 * The `authMetadata` keys of the certificate and its key: a kubeconfig user's
 * `client-certificate-data` and `client-key-data`, with the same base64 PEM.
 */
export const CLIENT_CERTIFICATE_DATA = 'clientCertificateData';
export const CLIENT_KEY_DATA = 'clientKeyData';

type ClientCertificate = { cert: string; key: string };

function readClientCertificate(authMetadata: AuthMetadata): ClientCertificate {
  const missing = [CLIENT_CERTIFICATE_DATA, CLIENT_KEY_DATA].filter(
    key => !authMetadata[key],
  );
  if (missing.length > 0) {
    throw new Error(
      `the ${X509_CLIENT_CERTIFICATE_AUTH_PROVIDER} authProvider needs ${missing
        .map(key => `authMetadata.${key}`)
        .join(' and ')}`,
    );
  }
  return {
    cert: decodePemData(authMetadata[CLIENT_CERTIFICATE_DATA]),
    key: decodePemData(authMetadata[CLIENT_KEY_DATA]),
  };
}

function parsedOrUndefined<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

/** What is wrong with a certificate and key, without quoting either. */
function clientCertificateProblem({
  cert,
  key,
}: ClientCertificate): string | undefined {
  const certificate = parsedOrUndefined(() => new X509Certificate(cert));
  if (!certificate) {
    return `authMetadata.${CLIENT_CERTIFICATE_DATA} is not a PEM certificate, nor base64 of one`;
  }
  const privateKey = parsedOrUndefined<KeyObject>(() => createPrivateKey(key));
  if (!privateKey) {
    return `authMetadata.${CLIENT_KEY_DATA} is not a PEM private key, nor base64 of one`;
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    return `authMetadata.${CLIENT_KEY_DATA} is not the key of the certificate in authMetadata.${CLIENT_CERTIFICATE_DATA}`;
  }
  return undefined;
}

/**
 * Authenticates with the client certificate and key in a cluster's
 * `authMetadata`. The upstream Kubernetes backend sends an x509 credential
 * when a strategy returns one, but ships no strategy that reads one from
 * config; this is that strategy, for both backends.
 */
export class X509ClientCertificateStrategy implements AuthenticationStrategy {
  async getCredential(
    clusterDetails: ClusterDetails,
  ): Promise<KubernetesCredential> {
    return {
      type: 'x509 client certificate',
      ...readClientCertificate(clusterDetails.authMetadata),
    };
  }

  validateCluster(authMetadata: AuthMetadata): Error[] {
    let clientCertificate: ClientCertificate;
    try {
      clientCertificate = readClientCertificate(authMetadata);
    } catch (error) {
      return [error as Error];
    }
    const problem = clientCertificateProblem(clientCertificate);
    return problem ? [new Error(problem)] : [];
  }

  presentAuthMetadata(_authMetadata: AuthMetadata): AuthMetadata {
    return {};
  }
}
