import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  ClusterSupplier,
  CostSource,
  MetricsSource,
  RegionCatalog,
} from './types';

/** @public Adds clusters beyond those of `kubernetes.clusterLocatorMethods`. */
export interface ScalingClustersExtensionPoint {
  addClusterSupplier(supplier: ClusterSupplier): void;
}

/** @public */
export const scalingClustersExtensionPoint =
  createExtensionPoint<ScalingClustersExtensionPoint>({
    id: 'scaling.clusters',
  });

/** @public Replaces the OpenCost allocation source. */
export interface ScalingCostExtensionPoint {
  setCostSource(source: CostSource): void;
}

/** @public */
export const scalingCostExtensionPoint =
  createExtensionPoint<ScalingCostExtensionPoint>({
    id: 'scaling.cost',
  });

/** @public Replaces the Prometheus metrics source. */
export interface ScalingMetricsExtensionPoint {
  setMetricsSource(source: MetricsSource): void;
}

/** @public */
export const scalingMetricsExtensionPoint =
  createExtensionPoint<ScalingMetricsExtensionPoint>({
    id: 'scaling.metrics',
  });

/** @public Replaces the config-based region catalog. */
export interface ScalingRegionsExtensionPoint {
  setRegionCatalog(catalog: RegionCatalog): void;
}

/** @public */
export const scalingRegionsExtensionPoint =
  createExtensionPoint<ScalingRegionsExtensionPoint>({
    id: 'scaling.regions',
  });
