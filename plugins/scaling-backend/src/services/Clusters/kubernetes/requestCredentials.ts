import { KubernetesCredential } from '@backstage/plugin-kubernetes-node';

/** The headers that carry a credential: a bearer token's `Authorization`, nothing for the other kinds. */
export function credentialHeaders(
  credential: KubernetesCredential,
): Record<string, string> {
  return credential.type === 'bearer token'
    ? { Authorization: `Bearer ${credential.token}` }
    : {};
}

/** The TLS options that carry a credential: an x509 client certificate and its key, nothing for the other kinds. */
export function credentialTlsOptions(credential: KubernetesCredential): {
  cert?: string;
  key?: string;
} {
  return credential.type === 'x509 client certificate'
    ? { cert: credential.cert, key: credential.key }
    : {};
}
