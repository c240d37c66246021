export interface Config {
  /** Configuration of the MesChain scaling suite. */
  scaling?: {
    catalog?: {
      /**
       * The `spec.type` of the catalog Resources that describe Kubernetes
       * clusters. Defaults to `kubernetes-cluster`, the type the upstream
       * Kubernetes plugin's catalog cluster locator reads.
       */
      clusterResourceType?: string;
    };
  };
}
