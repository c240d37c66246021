import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { CLUSTER_RESOURCE_TYPE } from '@meschain/backstage-plugin-scaling-common';
import { DatabaseScalingAuditStore } from './database';
import { createRouter } from './router';
import { createEntityScalingFactsService } from './services/EntityScalingFacts';

/**
 * The MesChain scaling backend plugin.
 *
 * @public
 */
export const scalingPlugin = createBackendPlugin({
  pluginId: 'scaling',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
      },
      async init({ config, logger, database, httpAuth, httpRouter, catalog }) {
        // Created at start-up so the audit schema is migrated before any write arrives.
        await DatabaseScalingAuditStore.create({ database });

        const entityFacts = createEntityScalingFactsService({
          catalog,
          logger,
          clusterResourceType:
            config.getOptionalString('scaling.catalog.clusterResourceType') ??
            CLUSTER_RESOURCE_TYPE,
        });
        httpRouter.use(await createRouter({ httpAuth, entityFacts }));
      },
    });
  },
});
