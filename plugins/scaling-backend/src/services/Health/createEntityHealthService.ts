import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError, toError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterScalingState,
  GoldenSignalSelector,
  HealthCheck,
  HealthLink,
  ServiceRegionHealth,
  ScalingEntityFacts,
} from '@meschain/backstage-plugin-scaling-common';
import { MetricsSource } from '@meschain/backstage-plugin-scaling-node';
import { ClusterDirectory, KubernetesClients } from '../Clusters';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import { RegionsService } from '../Regions';
import { EntityScalingStateService } from '../ScalingState';
import { autoscalerCheck, podsReadyCheck } from './checks/clusterChecks';
import {
  Dependency,
  dependencyCheck,
  isCheckedDependency,
} from './checks/dependencyCheck';
import { drReadinessCheck } from './checks/drReadinessCheck';
import { goldenSignalsCheck } from './checks/goldenSignalsCheck';
import { unreadCheck } from './checks/types';
import { warningEventsCheck } from './checks/warningEventsCheck';
import { HealthSettings } from './healthSettings';
import { readLimitSaturation, readRegionSignals } from './readRegionSignals';
import { objectivesOf, readSloStatus } from './readSloStatus';
import { EntityHealthService } from './types';
import { readSparklineWindow } from './windows';
import { metricsServiceLabel } from './metricsServiceLabel';

const DEFAULT_WINDOW = '1h';
/** The `metadata.links` types the health check links to. */
const LINK_TYPES = ['grafana', 'jaeger', 'kibana'];

function selectorOf(
  facts: ScalingEntityFacts,
): Omit<GoldenSignalSelector, 'region'> {
  return {
    service: metricsServiceLabel(facts),
    namespace: facts.workload.namespace,
  };
}

function linksOf(entity: Entity): HealthLink[] {
  return (entity.metadata.links ?? []).flatMap(link =>
    link.type && LINK_TYPES.includes(link.type)
      ? [{ title: link.title ?? link.type, url: link.url, type: link.type }]
      : [],
  );
}

/** Whether an autoscaler of the service runs at its maximum; null when none could be read. */
function hpaAtMax(state: ClusterScalingState | undefined): boolean | null {
  const autoscalers = (state?.workloads ?? []).flatMap(w =>
    w.autoscaler ? [w.autoscaler] : [],
  );
  if (autoscalers.length === 0) return null;
  return autoscalers.some(hpa => hpa.currentReplicas >= hpa.maxReplicas);
}

export function createEntityHealthService(options: {
  catalog: CatalogService;
  entityFacts: EntityScalingFactsService;
  scalingState: EntityScalingStateService;
  regions: RegionsService;
  metrics: MetricsSource;
  clusters: ClusterDirectory;
  kubernetes: KubernetesClients;
  clusterTimeoutMs: number;
  settings: HealthSettings;
  now?: () => Date;
}): EntityHealthService {
  const {
    catalog,
    entityFacts,
    scalingState,
    regions,
    metrics,
    settings,
    now = () => new Date(),
  } = options;
  const { rateWindow, sloDefaults } = settings;

  async function entityOf(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `No entity named ${stringifyEntityRef(entityRef)} in the catalog`,
      );
    }
    return entity;
  }

  async function dependenciesOf(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Dependency[]> {
    const refs = (entity.relations ?? [])
      .filter(
        relation =>
          relation.type === RELATION_DEPENDS_ON &&
          parseEntityRef(relation.targetRef).kind === 'resource',
      )
      .map(relation => relation.targetRef);
    if (refs.length === 0) return [];
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials },
    );
    return items
      .flatMap(resource =>
        resource
          ? [
              {
                name: resource.metadata.name,
                title: resource.metadata.title,
                type: String(resource.spec?.type ?? ''),
              },
            ]
          : [],
      )
      .filter(isCheckedDependency);
  }

  return {
    async getHealth(entityRef, { credentials, window = DEFAULT_WINDOW }) {
      const sparkline = readSparklineWindow(window);
      const at = now();
      const entity = await entityOf(entityRef, credentials);
      const [facts, state] = await Promise.all([
        entityFacts.getFacts(entityRef, { credentials }),
        scalingState.getScalingState(entityRef, { credentials }),
      ]);
      const selector = selectorOf(facts);

      const regionHealth = facts.regions.map(
        async (region): Promise<ServiceRegionHealth> => {
          const cluster = state.clusters.find(c => c.region === region);
          const signals = await readRegionSignals({
            metrics,
            selector: { ...selector, region },
            rateWindow,
            sparkline,
            now: at,
          });
          const errors = [
            signals.error,
            cluster?.error && `Cluster: ${cluster.error.message}`,
          ].filter(Boolean);
          return {
            region,
            ...(cluster?.cluster && { cluster: cluster.cluster }),
            signals: signals.signals,
            series: signals.series,
            hpaAtMax: hpaAtMax(cluster),
            ...(errors.length > 0 && { error: errors.join('; ') }),
          };
        },
      );
      const [regionRows, slo] = await Promise.all([
        Promise.all(regionHealth),
        readSloStatus({
          metrics,
          entity,
          defaults: sloDefaults,
          selector,
          regions: facts.regions,
          now: at,
        }),
      ]);
      return {
        entityRef: facts.entityRef,
        window,
        regions: regionRows,
        slo,
        generatedAt: at.toISOString(),
      };
    },

    async getChecks(entityRef, { credentials, region }) {
      const at = now();
      const checkedAt = at.toISOString();
      const entity = await entityOf(entityRef, credentials);
      const [facts, state, dependencies] = await Promise.all([
        entityFacts.getFacts(entityRef, { credentials }),
        scalingState.getScalingState(entityRef, { credentials }),
        dependenciesOf(entity, credentials),
      ]);
      if (region !== undefined && !facts.regions.includes(region)) {
        throw new InputError(
          `${
            facts.entityRef
          } does not run in region ${region}; its regions are ${
            facts.regions.join(', ') || 'none'
          }`,
        );
      }
      const checkedRegions = region ? [region] : facts.regions;
      const { slo, error: objectivesError } = objectivesOf(entity, sloDefaults);
      const selector = selectorOf(facts);

      async function regionChecks(id: string): Promise<HealthCheck[]> {
        const cluster: ClusterScalingState = state.clusters.find(
          c => c.region === id,
        ) ?? {
          region: id,
          error: { name: 'NotFoundError', message: `No cluster serves ${id}` },
        };
        const [signals, limits, events, ...dependencyChecks] =
          await Promise.all([
            readRegionSignals({
              metrics,
              selector: { ...selector, region: id },
              rateWindow,
              now: at,
            }),
            // Figures beside the signals: when they cannot be read, the signals' own check says why.
            readLimitSaturation({
              metrics,
              selector: { ...selector, region: id },
              rateWindow,
              now: at,
            }).catch(() => undefined),
            warningEventsCheck({
              clusters: options.clusters,
              kubernetes: options.kubernetes,
              clusterTimeoutMs: options.clusterTimeoutMs,
              state: cluster,
              now: at,
            }),
            ...dependencies.map(dependency =>
              dependencyCheck({
                metrics,
                dependency,
                region: id,
                rateWindow,
                now: at,
              }),
            ),
          ]);
        return [
          podsReadyCheck(cluster, checkedAt),
          autoscalerCheck(cluster, checkedAt),
          goldenSignalsCheck({
            region: id,
            signals: signals.signals,
            error: signals.error,
            slo,
            rateWindow,
            limits,
            checkedAt,
          }),
          ...dependencyChecks,
          events,
        ];
      }

      async function drChecks(): Promise<HealthCheck[]> {
        try {
          const { dr } = await regions.getEntityRegions(entityRef, {
            credentials,
          });
          return dr
            .filter(
              readiness =>
                !region ||
                readiness.primaryRegion === region ||
                readiness.partnerRegion === region,
            )
            .map(readiness => drReadinessCheck(readiness, checkedAt));
        } catch (error) {
          return [
            unreadCheck(
              { id: 'dr-readiness', title: 'DR readiness', region },
              toError(error).message,
              checkedAt,
            ),
          ];
        }
      }

      const [perRegion, dr] = await Promise.all([
        Promise.all(checkedRegions.map(regionChecks)),
        drChecks(),
      ]);
      const objectives: HealthCheck[] = objectivesError
        ? [
            {
              id: 'slo-objectives',
              title: 'SLO annotations',
              status: 'warn',
              summary: objectivesError,
              figures: {
                availability: slo.availability,
                latencyP95Ms: slo.latencyP95Ms,
              },
              checkedAt,
            },
          ]
        : [];
      return {
        entityRef: facts.entityRef,
        checks: [...objectives, ...perRegion.flat(), ...dr],
        links: linksOf(entity),
        generatedAt: checkedAt,
      };
    },
  };
}
