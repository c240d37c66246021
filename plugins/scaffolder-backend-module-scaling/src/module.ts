import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createApplyManifestsAction } from './actions/applyManifestsAction';
import { createPublishLocalAction } from './actions/publishLocalAction';
import { createRenderServiceAction } from './actions/renderServiceAction';
import {
  prepareLocalRepositories,
  readLocalRepositories,
} from './localRepositories/localRepositories';
import { scalingBackendApplier } from './scalingBackend/applyServiceManifests';

/**
 * The scaffolder actions of the MesChain scaling suite, which the
 * "New MesChain service" template runs.
 *
 * @public
 */
export const scaffolderModuleScaling = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'scaling',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, config, auth, discovery, catalog }) {
        const repositories = readLocalRepositories(config);
        if (repositories) {
          await prepareLocalRepositories(repositories);
        }
        scaffolder.addActions(
          createRenderServiceAction({ config }),
          createApplyManifestsAction({
            apply: scalingBackendApplier({ auth, discovery }),
          }),
          createPublishLocalAction({
            repositories,
            catalog,
          }),
        );
      },
    });
  },
});
