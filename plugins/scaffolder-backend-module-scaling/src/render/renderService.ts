import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_KUBERNETES_ID,
  renderHorizontalPodAutoscaler,
  ScalingPolicy,
  ScalingPreset,
} from '@meschain/backstage-plugin-scaling-common';
import {
  isRegionAllowed,
  ReplicaLimit,
  ScalingGuardRailSettings,
  replicaLimitFor,
} from '@meschain/backstage-plugin-scaling-node';
import { renderCatalogInfo } from './catalogInfo';
import {
  renderPodDisruptionBudget,
  renderService as renderKubernetesService,
  renderVirtualService,
} from './networking';
import { scalingPolicyFor } from './scalingPolicy';
import { Manifest, ServiceParameters } from './types';
import {
  renderWorkload,
  serviceNamesOf,
  strategyTemplateFor,
} from './workload';

/** What the platform allows, as config sets it: the regions, presets and guard-rails. */
export type PlatformSettings = {
  regionIds: string[];
  presets: readonly ScalingPreset[];
  guardRails: ScalingGuardRailSettings;
};

/** A new service, rendered: the same manifests go to every region. */
export type RenderedService = {
  entity: Entity;
  policy: ScalingPolicy;
  limit: ReplicaLimit;
  manifests: Manifest[];
};

function checkRegions(regions: string[], settings: PlatformSettings) {
  if (regions.length === 0) {
    throw new InputError('regions: choose at least one region');
  }
  for (const region of regions) {
    if (!settings.regionIds.includes(region)) {
      throw new InputError(
        `regions: ${region} is not one of scaling.regions (${settings.regionIds.join(
          ', ',
        )})`,
      );
    }
    if (!isRegionAllowed(settings.guardRails, region)) {
      throw new InputError(
        `regions: ${region} is not among the guard-rails' allowed regions`,
      );
    }
  }
}

/**
 * Renders a new service with the suite's renderers: its workload from the
 * chosen strategy, its Services and PodDisruptionBudget, its HPA from the
 * chosen preset, and its catalog entity.
 *
 * @throws InputError naming the parameter that is wrong
 */
export function renderNewService(
  parameters: ServiceParameters,
  settings: PlatformSettings,
): RenderedService {
  checkRegions(parameters.regions, settings);
  const limit = replicaLimitFor(settings.guardRails, parameters.tier);
  const policy = scalingPolicyFor(parameters.scaling, settings.presets, limit);
  const template = strategyTemplateFor(parameters.strategy);
  const { name, namespace } = parameters;

  const workload = renderWorkload(template, {
    name,
    namespace,
    image: parameters.image,
    port: parameters.port,
    replicas: policy.minReplicas,
    resources: parameters.resources,
  });
  const owner = { name, namespace, labels: workload.metadata.labels };
  const rollout = workload.kind === 'Rollout' ? workload : undefined;
  const canary =
    rollout && 'canary' in rollout.spec.strategy
      ? rollout.spec.strategy.canary
      : undefined;
  const routing = canary?.trafficRouting?.istio;

  const autoscaler = renderHorizontalPodAutoscaler({
    policy,
    workload: { kind: workload.kind, name, namespace },
    labels: { [ANNOTATION_KUBERNETES_ID]: name },
  });
  const manifests: Manifest[] = [
    ...serviceNamesOf(rollout, name).map(service =>
      renderKubernetesService(service, owner),
    ),
    ...(canary && routing
      ? [
          renderVirtualService(
            routing.virtualService,
            { stable: canary.stableService, canary: canary.canaryService },
            owner,
          ),
        ]
      : []),
    workload as Manifest,
    renderPodDisruptionBudget(owner),
    autoscaler as unknown as Manifest,
  ];
  const entity = renderCatalogInfo(
    parameters,
    template ? template.strategy : 'rolling',
  );
  return { entity, policy, limit, manifests };
}
