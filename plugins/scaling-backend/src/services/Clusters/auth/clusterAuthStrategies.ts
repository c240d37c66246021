import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AksStrategy,
  AnonymousStrategy,
  AwsIamStrategy,
  AzureIdentityStrategy,
  DispatchStrategy,
  GoogleServiceAccountStrategy,
  GoogleStrategy,
  OidcStrategy,
  ServiceAccountStrategy,
} from '@backstage/plugin-kubernetes-backend';
import { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import {
  X509_CLIENT_CERTIFICATE_AUTH_PROVIDER,
  X509ClientCertificateStrategy,
} from './X509ClientCertificateStrategy';

/**
 * The strategy of each `authProvider`: the upstream Kubernetes backend's
 * defaults under the same keys, and `x509ClientCertificate`. Upstream does
 * not export its default map, so it is rebuilt here from the strategies it
 * exports.
 *
 * `google`, `oidc` and `aks` authenticate as the signed-in user, with a token
 * the upstream frontend sends; the scaling backend acts on its own, so their
 * clusters answer each request with that strategy's error.
 *
 * The upstream Kubernetes backend gets the same map through
 * `kubernetesAuthStrategyExtensionPoint`: once a module adds a strategy there,
 * upstream uses the added ones only.
 *
 * @public
 */
export function createClusterAuthStrategies(options: {
  config: Config;
  logger: LoggerService;
}): Map<string, AuthenticationStrategy> {
  const { config, logger } = options;
  return new Map<string, AuthenticationStrategy>([
    ['aks', new AksStrategy()],
    ['aws', new AwsIamStrategy({ config })],
    ['azure', new AzureIdentityStrategy(logger)],
    ['google', new GoogleStrategy()],
    ['googleServiceAccount', new GoogleServiceAccountStrategy({ config })],
    ['localKubectlProxy', new AnonymousStrategy()],
    ['oidc', new OidcStrategy()],
    ['serviceAccount', new ServiceAccountStrategy()],
    [
      X509_CLIENT_CERTIFICATE_AUTH_PROVIDER,
      new X509ClientCertificateStrategy(),
    ],
  ]);
}

/**
 * The strategy the scaling backend authenticates with: each cluster's
 * `kubernetes.io/auth-provider` picks one of the default strategies or of
 * `added`, which win; an unknown provider is refused, as the upstream
 * Kubernetes backend refuses it.
 */
export function createClusterAuthStrategy(options: {
  config: Config;
  logger: LoggerService;
  added?: Map<string, AuthenticationStrategy>;
}): AuthenticationStrategy {
  return new DispatchStrategy({
    authStrategyMap: Object.fromEntries([
      ...createClusterAuthStrategies(options),
      ...(options.added ?? []),
    ]),
  });
}
