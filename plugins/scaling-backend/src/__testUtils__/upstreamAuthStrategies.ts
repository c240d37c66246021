import { ServiceAccountStrategy } from '@backstage/plugin-kubernetes-backend';

/**
 * Upstream's ServiceAccountStrategy imports `@kubernetes/client-node` on its
 * first use, which under Jest takes longer than the tests' cluster timeout.
 * A test file that starts the backend against the sandbox loads it first, so
 * that its first request does not time out.
 */
export async function loadUpstreamAuthStrategies(): Promise<void> {
  await new ServiceAccountStrategy().getCredential({
    name: 'warm-up',
    url: 'https://127.0.0.1',
    authMetadata: { serviceAccountToken: 'warm-up' },
  });
}
