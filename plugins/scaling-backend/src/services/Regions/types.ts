import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityRegions,
  RegionFacts,
  RegionsOverview,
} from '@meschain/backstage-plugin-scaling-common';
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { Stored } from '../Clusters';
import { HorizontalPodAutoscalerObject, ListedWorkload } from '../ScalingState';

/** Everything of one cluster that region facts are computed from. */
export type ClusterInventory = {
  nodes: Stored<V1Node>[];
  pods: Stored<V1Pod>[];
  autoscalers: HorizontalPodAutoscalerObject[];
  workloads: ListedWorkload[];
  roundTripMs: number;
};

/** Where each region stands, and whether each service could fail over. */
export interface RegionsService {
  getOverview(options: {
    credentials: BackstageCredentials;
  }): Promise<RegionsOverview>;
  /** @throws NotFoundError for an unknown region id */
  getRegion(
    regionId: string,
    options: { credentials: BackstageCredentials },
  ): Promise<RegionFacts>;
  /** @throws NotFoundError when the catalog has no such entity */
  getEntityRegions(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityRegions>;
}
