import { RequestContext } from './requests';

/** Who calls: the column of the permission matrix. */
export type CallerKind = 'owner' | 'nonOwner' | 'unauthenticated' | 'service';

/** A caller's authorization header (none for the unauthenticated) and the service it acts on. */
export interface Caller {
  kind: CallerKind;
  authorization?: string;
  /** The owner's service for the owner, the service principal and the unauthenticated. */
  context: RequestContext;
}

/** A running scaling backend with its clusters: one in this process, or a deployment given by URL. */
export interface ReliabilityTarget {
  readonly name: string;
  /** The scaling API's base, e.g. `http://127.0.0.1:7007/api/scaling`. */
  readonly apiUrl: string;
  readonly callers: Record<CallerKind, Caller>;
  /** True when the non-owner is a second user; false when it is the owner's user on another team's service. */
  readonly nonOwnerIsAnotherUser: boolean;
  /** True when the service principal is the subject the Alertmanager webhook accepts. */
  readonly serviceIsWebhookSubject: boolean;
  /** The sandbox's plain-HTTP base and admin token, for its `/_sandbox/` fault API. */
  readonly sandbox: { url: string; adminToken: string };
  /** The clusters' regions, and a read of a cluster's API with the test's own token. */
  readonly regions: string[];
  readonly workloadNamespace: string;
  readClusterList(region: string, path: string): Promise<ClusterObject[]>;
  /** True when nothing but the backend moves the clusters (the sandbox's time stands still). */
  readonly clustersAtRest: boolean;
  /** Cluster tokens, certificates and keys the backend holds, none of which may ever leave it. */
  secrets(): Promise<string[]>;
  /** Every line the backend (each replica) has logged so far. */
  logLines(): Promise<string[]>;
  close(): Promise<void>;
}

export interface ClusterObject {
  kind?: string;
  metadata: {
    name: string;
    resourceVersion: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
}
