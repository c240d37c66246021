import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import {
  ClusterSupplier,
  CostSource,
  MetricsSource,
  RegionCatalog,
} from './types';

/** @public Adds clusters beyond those of `kubernetes.clusterLocatorMethods`, and ways to authenticate to clusters. */
export interface ScalingClustersExtensionPoint {
  addClusterSupplier(supplier: ClusterSupplier): void;
  /**
   * Adds the strategy of an `authProvider`, or replaces a default one, as
   * upstream's `kubernetesAuthStrategyExtensionPoint` does for the
   * Kubernetes backend. It serves the clusters of
   * `kubernetes.clusterLocatorMethods`; an added supplier's clusters bring
   * their own `getCredential`. One module at most may add the strategy of
   * an `authProvider`.
   */
  addAuthStrategy(authProvider: string, strategy: AuthenticationStrategy): void;
}

/** @public */
export const scalingClustersExtensionPoint =
  createExtensionPoint<ScalingClustersExtensionPoint>({
    id: 'scaling.clusters',
  });

/** @public Replaces the OpenCost allocation source; one module at most may set it. */
export interface ScalingCostExtensionPoint {
  setCostSource(source: CostSource): void;
}

/** @public */
export const scalingCostExtensionPoint =
  createExtensionPoint<ScalingCostExtensionPoint>({
    id: 'scaling.cost',
  });

/** @public Replaces the Prometheus metrics source; one module at most may set it. */
export interface ScalingMetricsExtensionPoint {
  setMetricsSource(source: MetricsSource): void;
}

/** @public */
export const scalingMetricsExtensionPoint =
  createExtensionPoint<ScalingMetricsExtensionPoint>({
    id: 'scaling.metrics',
  });

/** @public Replaces the config-based region catalog; one module at most may set it. */
export interface ScalingRegionsExtensionPoint {
  setRegionCatalog(catalog: RegionCatalog): void;
}

/** @public */
export const scalingRegionsExtensionPoint =
  createExtensionPoint<ScalingRegionsExtensionPoint>({
    id: 'scaling.regions',
  });
