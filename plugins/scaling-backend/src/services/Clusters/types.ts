import {
  ClusterSupplier,
  ScalingCluster,
} from '@meschain/backstage-plugin-scaling-node';

/** A supplier of clusters, and where it was configured or registered, for messages. */
export type ClusterSource = {
  description: string;
  supplier: ClusterSupplier;
};

/** Every cluster the backend can reach, from config, the catalog and added suppliers. */
export interface ClusterDirectory {
  /** One entry per cluster name; when two sources name the same cluster, the first source wins. */
  listClusters(): Promise<ScalingCluster[]>;
  /**
   * @throws NotFoundError when no source knows the cluster
   * @throws ServiceUnavailableError when it is unknown and a source could not be read
   */
  getCluster(name: string): Promise<ScalingCluster>;
}
