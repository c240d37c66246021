import type { ContainerResources } from '@meschain/backstage-plugin-scaling-common';

/** The deployment strategies a new service can start with: a Deployment, or a Rollout template's id. */
export type ServiceStrategy = string;

/** What the template asks about a new service, as the render action receives it. */
export type ServiceParameters = {
  name: string;
  title?: string;
  description?: string;
  /** An entity ref, e.g. `group:default/platform-team`. */
  owner: string;
  system?: string;
  tier: string;
  regions: string[];
  /** User refs of the on-call engineers. */
  onCall: string[];
  namespace: string;
  image: string;
  port: number;
  resources: ContainerResources;
  /** `rolling` for a Deployment, or the id of one of the rollout strategy templates. */
  strategy: ServiceStrategy;
  scaling: ScalingParameters;
};

/** A scaling preset and the values the template lets a user change in it. */
export type ScalingParameters = {
  preset: string;
  minReplicas?: number;
  maxReplicas?: number;
  /**
   * The preset's first target: the utilization percentage of `cpu` and
   * `memory`, the requests per minute per replica of `requests`, the value of
   * `custom`.
   */
  target?: number;
};

/** A Kubernetes object as rendered. */
export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
  };
  [field: string]: unknown;
};
