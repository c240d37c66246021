/** What a user asked the suite to do to a workload. */
export interface AuditAttempt {
  actorRef: string;
  entityRef: string;
  /** A short verb, e.g. `replicas.scale` or `policy.apply`. */
  action: string;
  cluster?: string;
  namespace?: string;
  workload?: string;
  request: unknown;
  before?: unknown;
  /** The actor does not own the entity and acted as an admin (`scaling.admin`). */
  asAdmin?: boolean;
}

/** `pending` until the cluster answers; `denied` when the permission check refused the attempt. */
export type AuditOutcome = 'pending' | 'succeeded' | 'failed' | 'denied';

export interface AuditEvent extends AuditAttempt {
  id: string;
  asAdmin: boolean;
  after?: unknown;
  outcome: AuditOutcome;
  error?: string;
  startedAt: Date;
  finishedAt?: Date;
}

/** The suite's own history of writes, kept in the backend's database. */
export interface ScalingAuditStore {
  /** Records an attempt before the cluster is called, and returns its id. */
  recordAttempt(attempt: AuditAttempt, startedAt?: Date): Promise<string>;
  /** Records an attempt the permission check refused; no cluster was called. */
  recordDenial(attempt: AuditAttempt, deniedAt?: Date): Promise<string>;
  /** Completes an attempt with what the cluster answered. */
  recordOutcome(
    id: string,
    outcome: {
      outcome: 'succeeded' | 'failed';
      after?: unknown;
      error?: string;
    },
    finishedAt?: Date,
  ): Promise<void>;
  /** The newest events of an entity first. */
  listForEntity(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<AuditEvent[]>;
}
