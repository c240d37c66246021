import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import {
  CLUSTER_RESOURCE_TYPE,
  scalingAdminPermission,
  scalingCostBackfillPermission,
  scalingPermissions,
  replayPolicy,
  scalingServiceCreatePermission,
} from '@meschain/backstage-plugin-scaling-common';
import {
  CostSource,
  MetricsSource,
  RegionCatalog,
  scalingClustersExtensionPoint,
  scalingCostExtensionPoint,
  scalingMetricsExtensionPoint,
  scalingRegionsExtensionPoint,
} from '@meschain/backstage-plugin-scaling-node';
import { DatabaseScalingAuditStore } from './database';
import { ModuleSettings } from './moduleSettings';
import { createRouter } from './router';
import {
  ClusterSource,
  clusterSourcesFromConfig,
  createClusterAuthStrategy,
  createClusterDirectory,
  createKubernetesClients,
  readClusterAccessSettings,
} from './services/Clusters';
import { createConfiguredAlerts } from './services/Alerts';
import { createCostServices } from './services/Cost';
import {
  DatabaseCostStore,
  DatabaseCostUsageStore,
} from './services/Cost/store';
import { createFleetService, readFleetSettings } from './services/Fleet';
import {
  createEntityScalingFactsService,
  readCatalogCacheTtlMs,
} from './services/EntityScalingFacts';
import {
  createEntityHealthService,
  readHealthSettings,
} from './services/Health';
import {
  createPrometheusMetricsSource,
  readPrometheusConfig,
} from './services/Metrics';
import {
  createPredictiveScalingService,
  DatabasePredictiveScheduleStore,
  readPredictiveSettings,
  schedulePredictiveSteps,
  storedUsageHistory,
} from './services/Predictive';
import { createConfiguredReports } from './services/Reports';
import { createRolloutService } from './services/Rollouts';
import {
  configRegionCatalog,
  createRegionsService,
  readDrScaleUpLimitMinutes,
  readRegionsConfig,
} from './services/Regions';
import {
  createClusterStateCache,
  createEntityScalingStateService,
  readStateCacheTtlMs,
} from './services/ScalingState';
import { createScalingHistoryService } from './services/ScalingHistory';
import {
  createScalingOptionsService,
  readScalingGuardRails,
  readScalingPresets,
} from './services/ScalingSettings';
import {
  createEntityPlacement,
  createScalingWritePipeline,
  createScalingWriteService,
  createInterruptedWriteSweep,
  readInterruptedWriteAfterMs,
  scheduleInterruptedWriteSweep,
} from './services/ScalingWrites';
import { createServiceManifestsService } from './services/ServiceManifests';
import { createWhatIfLoadSource, createWhatIfService } from './services/WhatIf';

/**
 * The MesChain scaling backend plugin.
 *
 * @public
 */
export const scalingPlugin = createBackendPlugin({
  pluginId: 'scaling',
  register(env) {
    const addedClusterSources: ClusterSource[] = [];
    const addedAuthStrategies = new ModuleSettings<AuthenticationStrategy>(
      authProvider => `The strategy of authProvider '${authProvider}'`,
    );
    env.registerExtensionPoint({
      extensionPoint: scalingClustersExtensionPoint,
      factory: context => ({
        addClusterSupplier(supplier) {
          addedClusterSources.push({
            description: `cluster supplier #${
              addedClusterSources.length + 1
            } added through scalingClustersExtensionPoint`,
            supplier,
          });
        },
        addAuthStrategy(authProvider, strategy) {
          addedAuthStrategies.set(context, authProvider, strategy);
        },
      }),
    });

    const addedRegionCatalog = new ModuleSettings<RegionCatalog>(
      () => 'The region catalog',
    );
    env.registerExtensionPoint({
      extensionPoint: scalingRegionsExtensionPoint,
      factory: context => ({
        setRegionCatalog(catalog) {
          addedRegionCatalog.set(context, 'regions', catalog);
        },
      }),
    });

    const addedCostSource = new ModuleSettings<CostSource>(
      () => 'The cost source',
    );
    env.registerExtensionPoint({
      extensionPoint: scalingCostExtensionPoint,
      factory: context => ({
        setCostSource(source) {
          addedCostSource.set(context, 'cost', source);
        },
      }),
    });

    const addedMetricsSource = new ModuleSettings<MetricsSource>(
      () => 'The metrics source',
    );
    env.registerExtensionPoint({
      extensionPoint: scalingMetricsExtensionPoint,
      factory: context => ({
        setMetricsSource(source) {
          addedMetricsSource.set(context, 'metrics', source);
        },
      }),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        cache: coreServices.cache,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        userInfo: coreServices.userInfo,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
      },
      async init({
        config,
        logger,
        database,
        cache,
        auth,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        userInfo,
        auditor,
        lifecycle,
        scheduler,
        catalog,
        notifications,
        signals,
      }) {
        // Every module has started: what they set is final.
        const authStrategies = addedAuthStrategies.get();
        const regionCatalog = addedRegionCatalog.get().get('regions');
        const costSource = addedCostSource.get().get('cost');
        const metricsSource = addedMetricsSource.get().get('metrics');

        // Listed by the permission metadata endpoint, so that policy editors
        // such as RBAC offer them.
        permissionsRegistry.addPermissions([
          ...scalingPermissions,
          scalingCostBackfillPermission,
          scalingAdminPermission,
          scalingServiceCreatePermission,
        ]);
        // Created at start-up so the audit schema is migrated before any write arrives.
        const auditStore = await DatabaseScalingAuditStore.create({ database });
        const guardRails = readScalingGuardRails(config);
        // Read even when an adopter's catalog replaces it, so that bad config always stops start-up.
        const regionsConfig = readRegionsConfig(config);
        const presets = readScalingPresets(config);

        const clusterResourceType =
          config.getOptionalString('scaling.catalog.clusterResourceType') ??
          CLUSTER_RESOURCE_TYPE;
        const clusterAccess = readClusterAccessSettings(config);
        const authStrategy = createClusterAuthStrategy({
          config,
          logger,
          added: authStrategies,
        });

        const entityFacts = createEntityScalingFactsService({
          catalog,
          logger,
          clusterResourceType,
          catalogCacheTtlMs: readCatalogCacheTtlMs(config),
        });
        const clusters = createClusterDirectory({
          sources: [
            ...clusterSourcesFromConfig({
              config,
              catalog,
              auth,
              logger,
              clusterResourceType,
              authStrategy,
            }),
            ...addedClusterSources,
          ],
          logger,
          cacheTtlMs: clusterAccess.listCacheTtlMs,
        });
        const kubernetes = createKubernetesClients({
          requestTimeoutMs: clusterAccess.timeoutMs,
        });
        lifecycle.addShutdownHook(() => kubernetes.close());

        // Shared by the read and the writes, so that a write evicts what the read cached.
        const stateCache = createClusterStateCache({
          cache,
          logger,
          ttlMs: readStateCacheTtlMs(config),
        });
        const scalingState = createEntityScalingStateService({
          entityFacts,
          clusters,
          kubernetes,
          cache: stateCache,
          logger,
          clusterTimeoutMs: clusterAccess.timeoutMs,
        });
        const writePipeline = createScalingWritePipeline({
          permissions,
          userInfo,
          auditor,
          auditStore,
          entityFacts,
          stateCache,
          logger,
        });
        const placement = createEntityPlacement({
          clusters,
          kubernetes,
          guardRails,
          clusterTimeoutMs: clusterAccess.timeoutMs,
        });
        const scalingWrites = createScalingWriteService({
          pipeline: writePipeline,
          placement,
          guardRails,
        });

        const regions = createRegionsService({
          regionCatalog: regionCatalog ?? configRegionCatalog(regionsConfig),
          catalog,
          clusters,
          kubernetes,
          logger,
          clusterTimeoutMs: clusterAccess.timeoutMs,
          drScaleUpLimitMinutes: readDrScaleUpLimitMinutes(config),
        });

        const healthSettings = readHealthSettings(config);
        const prometheusConfig = readPrometheusConfig(config);
        const metrics =
          metricsSource ?? createPrometheusMetricsSource(prometheusConfig);
        const metricsConfigured =
          metricsSource !== undefined ||
          prometheusConfig.url !== undefined ||
          prometheusConfig.regions.size > 0;

        // Kept current by watches on every region's clusters from its first read to shutdown.
        const fleet = createFleetService({
          regionCatalog: regionCatalog ?? configRegionCatalog(regionsConfig),
          catalog,
          auth,
          clusters,
          kubernetes,
          stateCache,
          regions,
          costStore: await DatabaseCostStore.create({ database }),
          signals,
          metrics: metricsConfigured ? metrics : undefined,
          health: healthSettings,
          logger,
          clusterTimeoutMs: clusterAccess.timeoutMs,
          settings: readFleetSettings(config),
        });
        lifecycle.addStartupHook(() => fleet.start());
        lifecycle.addShutdownHook(() => fleet.stop());

        const rollouts = createRolloutService({
          entityFacts,
          placement,
          pipeline: writePipeline,
          logger,
          clusterTimeoutMs: clusterAccess.timeoutMs,
        });
        const cost = await createCostServices({
          config,
          database,
          scheduler,
          catalog,
          auth,
          logger,
          entityFacts,
          clusters,
          kubernetes,
          clusterTimeoutMs: clusterAccess.timeoutMs,
          pipeline: writePipeline,
          source: costSource,
        });
        const scalingHistory = createScalingHistoryService({
          auditStore,
          scalingState,
          clusters,
          kubernetes,
          logger,
        });
        await scheduleInterruptedWriteSweep({
          scheduler,
          sweep: createInterruptedWriteSweep({
            auditStore,
            scalingState,
            auth,
            logger,
            interruptedAfterMs: readInterruptedWriteAfterMs(config),
          }),
        });
        const predictive = createPredictiveScalingService({
          entityFacts,
          scalingState,
          history: storedUsageHistory(
            await DatabaseCostUsageStore.create({ database }),
          ),
          store: await DatabasePredictiveScheduleStore.create({ database }),
          pipeline: writePipeline,
          placement,
          settings: readPredictiveSettings(config),
          replay: replayPolicy,
          logger,
        });
        await schedulePredictiveSteps({ scheduler, auth, predictive });
        const whatIf = createWhatIfService({
          entityFacts,
          scalingState,
          regionCatalog: regionCatalog ?? configRegionCatalog(regionsConfig),
          guardRails,
          load: createWhatIfLoadSource({
            metrics: metricsConfigured ? metrics : undefined,
            history: storedUsageHistory(
              await DatabaseCostUsageStore.create({ database }),
            ),
          }),
        });
        const reports = await createConfiguredReports({
          config,
          database,
          scheduler,
          auth,
          permissions,
          userInfo,
          catalog,
          notifications,
          logger,
          auditStore,
          regions,
          rollouts,
          cost: cost.reports,
          metrics,
          scalingState,
          scalingHistory,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            entityFacts,
            scalingState,
            scalingOptions: createScalingOptionsService({
              entityFacts,
              permissions,
              presets,
              guardRails,
            }),
            scalingWrites,
            scalingHistory,
            rollouts,
            regions,
            fleet,
            health: createEntityHealthService({
              catalog,
              entityFacts,
              scalingState,
              regions,
              metrics,
              clusters,
              kubernetes,
              clusterTimeoutMs: clusterAccess.timeoutMs,
              settings: healthSettings,
            }),
            cost,
            reports,
            predictive,
            whatIf,
            alerts: await createConfiguredAlerts({
              config,
              database,
              logger,
              auth,
              scheduler,
              catalog,
              notifications,
              pipeline: writePipeline,
              entityFacts,
              sloDefaults: healthSettings.sloDefaults,
            }),
            serviceManifests: createServiceManifestsService({
              regionCatalog:
                regionCatalog ?? configRegionCatalog(regionsConfig),
              clusters,
              kubernetes,
              pipeline: writePipeline,
              permissions,
              userInfo,
              logger,
            }),
          }),
        );
      },
    });
  },
});
