/**
 * What the reliability tests know of the setup they run against, from the environment that
 * scripts/start-cluster.sh writes to its cluster.env. Only SCALE_OUT_URL is needed to run the
 * tests that call the API; those that kill replicas or stop PostgreSQL and Redis need the rest.
 */
export type ScaleOutEnv = {
  /** The load balancer, or a single backend. */
  url: string;
  /** Each replica, directly. */
  replicaUrls: string[];
  /** Where the replicas' logs (replica-<n>.log) and pid files are. */
  runDir?: string;
  /** A static token of the service principal `scale-out-tests`. */
  serviceToken?: string;
  sandboxUrl?: string;
  sandboxAdminToken?: string;
  postgres?: { data: string; bin: string };
  redisPort?: number;
};

function optional(name: string): string | undefined {
  return process.env[name] || undefined;
}

export function readScaleOutEnv(): ScaleOutEnv {
  const url = optional('SCALE_OUT_URL');
  if (!url) {
    throw new Error(
      'Set SCALE_OUT_URL to the portal to test, e.g. from the cluster.env that scripts/start-cluster.sh writes',
    );
  }
  const data = optional('SCALE_OUT_POSTGRES_DATA');
  const bin = optional('SCALE_OUT_POSTGRES_BIN');
  const redisPort = optional('SCALE_OUT_REDIS_PORT');
  return {
    url,
    replicaUrls: optional('SCALE_OUT_REPLICA_URLS')?.split(',') ?? [url],
    runDir: optional('SCALE_OUT_RUN_DIR'),
    serviceToken: optional('SCALE_OUT_SERVICE_TOKEN'),
    sandboxUrl: optional('SCALE_OUT_SANDBOX_URL'),
    sandboxAdminToken: optional('SCALE_OUT_SANDBOX_ADMIN_TOKEN'),
    postgres: data && bin ? { data, bin } : undefined,
    redisPort: redisPort ? Number(redisPort) : undefined,
  };
}

/** Something a test needs from the setup, or a clear failure naming what is missing. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(
      `This test needs ${what}; run it against scripts/start-cluster.sh`,
    );
  }
  return value;
}
