import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { kubernetesAuthStrategyExtensionPoint } from '@backstage/plugin-kubernetes-node';
import { createClusterAuthStrategies } from '@meschain/backstage-plugin-scaling-backend';

/**
 * Gives the upstream Kubernetes backend the scaling suite's authentication
 * strategies, so that one `kubernetes.clusterLocatorMethods` entry, e.g. with
 * `authProvider: x509ClientCertificate`, works for both. Every strategy is
 * added, upstream's own among them, because upstream drops its defaults as
 * soon as a module adds one.
 */
export default createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'scaling-auth-strategies',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        authStrategies: kubernetesAuthStrategyExtensionPoint,
      },
      async init({ config, logger, authStrategies }) {
        for (const [authProvider, strategy] of createClusterAuthStrategies({
          config,
          logger,
        })) {
          authStrategies.addAuthStrategy(authProvider, strategy);
        }
      },
    });
  },
});
