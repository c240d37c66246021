import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import {
  Fault,
  loadFleet,
  RealCluster,
  RealClusters,
  Sandbox,
  startTestRealClusters,
  TARGETS_REAL_CLUSTER,
} from '@meschain/kube-sandbox';
import { FaultProxy, WITHOUT_METRICS_API_PREFIX } from './faultProxy';
import {
  sandboxClusterName,
  startFrozenSandbox,
  startProxyWithoutMetricsApi,
} from './kubeSandbox';

/**
 * What the backend's cluster tests run against: the kube-sandbox (the fast default run), or a
 * real control plane per region (`SCALING_TEST_TARGET=real-cluster`, as in CI).
 */
export type ClusterTargetKind = 'sandbox' | 'real-cluster';

export const CLUSTER_TARGET: ClusterTargetKind = TARGETS_REAL_CLUSTER
  ? 'real-cluster'
  : 'sandbox';

/**
 * A `describe` that runs only against the sandbox, for what a real cluster cannot be made to do
 * in a test's time (such as skipping a five-minute window on the sandbox's clock). `reason` says
 * why, and is part of the name the runner shows.
 */
export function describeSandboxOnly(
  reason: string,
  name: string,
  fn: () => void,
): void {
  (CLUSTER_TARGET === 'sandbox' ? describe : describe.skip)(
    `${name} (sandbox only: ${reason})`,
    fn,
  );
}

/**
 * The databases a file's writes are audited in. Against the sandbox, every supported one; against
 * the real control plane, which the sandbox run has already paired with each database, SQLite only,
 * so that the real clusters start once per file.
 */
export function auditDatabaseIds(databases: TestDatabases): TestDatabaseId[] {
  const ids = databases.eachSupportedId().map(([id]) => id);
  if (CLUSTER_TARGET === 'sandbox') return ids;
  return ids.includes('SQLITE_3') ? ['SQLITE_3'] : ids.slice(0, 1);
}

/** A request to a cluster's Kubernetes API, sent with an identity of the test's own. */
export interface KubeRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** Default `application/json`. */
  contentType?: string;
}

export interface ClusterTarget {
  readonly kind: ClusterTargetKind;
  /** The sandbox, for what only it can do; undefined on the real control plane. */
  readonly sandbox?: Sandbox;
  /**
   * How far a live figure (a pod's usage, an HPA's current metric value) may move between two reads,
   * relative: 0 on the sandbox, whose time stands still; more on a real cluster, where the metrics
   * adapter's load moves with the wall clock.
   */
  readonly liveTolerance: number;
  /** A `scaling.clusterTimeoutMs` that every healthy request of a test meets. */
  readonly clusterTimeoutMs: number;
  /** The URL the backend reaches a region's cluster at. */
  url(region: string): string;
  /** The same cluster behind a proxy that answers 404 for `metrics.k8s.io`, as without metrics-server. */
  urlWithoutMetricsApi(region: string): string;
  /** The cluster's CA, as a kubeconfig's `certificate-authority-data`. */
  caData(): string;
  /** The bearer token the backend's config gives for a region's cluster. */
  token(region: string): string;
  /** A region's cluster as an entry of a `config` cluster locator. */
  clusterConfig(region: string, url?: string): JsonObject;
  /** The `kubernetes` config that locates the regions' clusters, as an app-config would. */
  kubernetesConfig(regions: string[]): JsonObject;
  /** A region's cluster as a cluster supplier gives it. */
  scalingCluster(
    region: string,
    overrides?: Partial<ScalingCluster>,
  ): ScalingCluster;
  /** Sends a request as the test's own identity (not the backend's): its answer, whatever the status. */
  request(
    region: string,
    request: KubeRequest,
  ): Promise<{ status: number; body: any }>;
  /** Reads an object as the test's witness, independent of the code under test; fails unless 200. */
  read<T = any>(region: string, path: string): Promise<T>;
  /** Changes a cluster as `kubectl` would; fails unless the API server accepts it. */
  write(region: string, request: KubeRequest): Promise<any>;
  /** Makes a region's cluster misbehave: down, slow, error500 or forbidden (`none` to stop). */
  fault(region: string, fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  /**
   * Lets the cluster's controllers act until `done(read())` holds, and returns that value. The
   * sandbox's clock is advanced a simulated second at a time, up to `seconds`; a real cluster is
   * polled until `seconds` of wall time (plus slack for a loaded machine) have passed. Fails with
   * the last value read.
   */
  waitUntil<T>(
    what: string,
    read: () => Promise<T>,
    done: (value: T) => boolean,
    options?: { seconds?: number },
  ): Promise<T>;
  close(): Promise<void>;
}

/** The name the portal's config gives a region's cluster. */
export const clusterName = sandboxClusterName;

/** Whether `actual` is within `tolerance` (relative) of `expected`. */
export function isWithin(
  actual: number,
  expected: number,
  tolerance: number,
): boolean {
  return Math.abs(actual - expected) <= Math.abs(expected) * tolerance;
}

/** Matches a number within `tolerance` (relative) of `expected`; exactly `expected` at 0. */
export function approximately(expected: number, tolerance: number): number {
  if (tolerance === 0) return expected;
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: (actual: unknown) =>
      typeof actual === 'number' && isWithin(actual, expected, tolerance),
    toAsymmetricMatcher: () =>
      `approximately ${expected} (± ${tolerance * 100} %)`,
  } as unknown as number;
}

export interface ClusterTargetOptions {
  /** The fleet's regions the test needs; a real control plane is started for each. */
  regions: string[];
  /**
   * Whether to wait, on a real cluster, until the HPA controller has sized the seeded workloads
   * for the load (half a minute or so). Default true; a test that reads around its own changes
   * may skip it.
   */
  settle?: boolean;
}

/** Starts the target the run asks for (`SCALING_TEST_TARGET`). Call once per test file, in `beforeAll`. */
export function startClusterTarget(
  options: ClusterTargetOptions,
): Promise<ClusterTarget> {
  return CLUSTER_TARGET === 'sandbox'
    ? startSandboxTarget()
    : startRealClusterTarget(options);
}

const SIMULATED_STEP_MS = 1_000;
const DEFAULT_WAIT_SECONDS = 120;

function headersFor(token: string, contentType?: string) {
  return {
    authorization: `Bearer ${token}`,
    ...(contentType && { 'content-type': contentType }),
  };
}

async function expectOk(
  region: string,
  request: KubeRequest,
  answer: { status: number; body: any },
) {
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(
      `${region} answered ${answer.status} to ${request.method} ${
        request.path
      }: ${JSON.stringify(answer.body)}`,
    );
  }
  return answer.body;
}

function baseTarget(
  target: Omit<
    ClusterTarget,
    'read' | 'write' | 'clusterConfig' | 'kubernetesConfig' | 'scalingCluster'
  >,
): ClusterTarget {
  const clusterConfig = (region: string, url = target.url(region)) => ({
    name: clusterName(region),
    url,
    authProvider: 'serviceAccount',
    serviceAccountToken: target.token(region),
    caData: target.caData(),
  });
  return {
    ...target,
    clusterConfig,
    kubernetesConfig: regions => ({
      clusterLocatorMethods: [
        { type: 'config', clusters: regions.map(r => clusterConfig(r)) },
      ],
    }),
    scalingCluster: (region, overrides = {}) => {
      const token = target.token(region);
      return {
        name: clusterName(region),
        url: target.url(region),
        caData: target.caData(),
        authMetadata: {},
        getCredential: async () => ({ type: 'bearer token', token }),
        ...overrides,
      };
    },
    read: async (region, path) =>
      expectOk(
        region,
        { method: 'GET', path },
        await target.request(region, { method: 'GET', path }),
      ),
    write: async (region, request) =>
      expectOk(region, request, await target.request(region, request)),
  };
}

async function startSandboxTarget(): Promise<ClusterTarget> {
  const sandbox = await startFrozenSandbox();
  const withoutMetrics = await startProxyWithoutMetricsApi(sandbox);
  return baseTarget({
    kind: 'sandbox',
    sandbox,
    liveTolerance: 0,
    clusterTimeoutMs: 1_500,
    url: region => sandbox.clusterUrl(region),
    urlWithoutMetricsApi: region => `${withoutMetrics.url}/clusters/${region}`,
    caData: () => Buffer.from(sandbox.caPem).toString('base64'),
    token: region => sandbox.cluster(region).token,
    async request(region, { method, path, body, contentType }) {
      const response = await fetch(
        `${sandbox.clusterUrl(region, 'http')}${path}`,
        {
          method,
          headers: headersFor(
            sandbox.cluster(region).token,
            body === undefined ? undefined : contentType ?? 'application/json',
          ),
          body: body === undefined ? undefined : JSON.stringify(body),
        },
      );
      const text = await response.text();
      return { status: response.status, body: parseBody(text) };
    },
    async fault(region, fault) {
      sandbox.faults.set(region, fault);
    },
    async clearFaults() {
      sandbox.faults.clear();
    },
    async waitUntil(what, read, done, options = {}) {
      const seconds = options.seconds ?? DEFAULT_WAIT_SECONDS;
      let value = await read();
      for (let waited = 0; !done(value); waited += 1) {
        if (waited >= seconds) {
          throw new Error(
            `${what}: not so after ${seconds} simulated seconds; last read ${JSON.stringify(
              value,
            )}`,
          );
        }
        sandbox.advance(SIMULATED_STEP_MS);
        value = await read();
      }
      return value;
    },
    async close() {
      await withoutMetrics.close();
      await sandbox.close();
    },
  });
}

function parseBody(text: string): any {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/** The real HPA controller's sync period (upstream: 15 s); the sandbox's stays 15 s. */
const HPA_SYNC_MS = 5_000;
/** Wall-clock slack over a wait's simulated seconds: controllers on a busy two-core machine. */
const REAL_SLACK_SECONDS = 60;
const POLL_MS = 500;

async function startRealClusterTarget(
  options: ClusterTargetOptions,
): Promise<ClusterTarget> {
  const fleet = loadFleet();
  const clusters = fleet.clusters.filter(c => options.regions.includes(c.name));
  const real = await startTestRealClusters({
    fleet: { ...fleet, clusters },
    clusters: clusters.length,
    // A steady load, so that the HPA controller settles and two reads a second apart agree.
    load: { noise: 0, incidentRate: 0 },
    // The HPA controller sizes the seeded workloads within seconds, not minutes.
    hpaSyncPeriodMs: HPA_SYNC_MS,
  });
  const proxies = new Map<string, FaultProxy>();
  try {
    for (const cluster of real.clusters) {
      proxies.set(
        cluster.name,
        await FaultProxy.start({
          upstream: cluster.url,
          certPem: real.pki.apiServer.certPem,
          keyPem: real.pki.apiServer.keyPem,
          caPem: real.pki.ca.certPem,
        }),
      );
    }
    if (options.settle ?? true) await settled(real);
  } catch (error) {
    await Promise.all([...proxies.values()].map(proxy => proxy.close()));
    await real.close();
    throw error;
  }
  const clusterOf = (region: string): RealCluster => {
    const cluster = real.clusters.find(c => c.name === region);
    if (!cluster) {
      throw new Error(
        `No real cluster was started for ${region}; add it to the target's regions`,
      );
    }
    return cluster;
  };
  const proxyOf = (region: string) => {
    clusterOf(region);
    return proxies.get(region)!;
  };
  return baseTarget({
    kind: 'real-cluster',
    liveTolerance: 0.25,
    clusterTimeoutMs: 5_000,
    url: region => proxyOf(region).url,
    urlWithoutMetricsApi: region =>
      `${proxyOf(region).url}${WITHOUT_METRICS_API_PREFIX}`,
    caData: () => Buffer.from(real.pki.ca.certPem).toString('base64'),
    token: region => clusterOf(region).portal.token,
    request: (region, { method, path, body, contentType }) =>
      clusterOf(region).admin.request(method, path, body, contentType),
    fault: (region, fault) => proxyOf(region).setFault(fault),
    async clearFaults() {
      for (const proxy of proxies.values()) {
        await proxy.setFault({ mode: 'none' });
      }
    },
    async waitUntil(what, read, done, { seconds: simulated } = {}) {
      const seconds = (simulated ?? DEFAULT_WAIT_SECONDS) + REAL_SLACK_SECONDS;
      const deadline = Date.now() + seconds * 1000;
      let value = await read();
      while (!done(value)) {
        if (Date.now() > deadline) {
          throw new Error(
            `${what}: not so after ${seconds} s; last read ${JSON.stringify(
              value,
            )}`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, POLL_MS));
        value = await read();
      }
      return value;
    },
    async close() {
      await Promise.all([...proxies.values()].map(proxy => proxy.close()));
      await real.close();
    },
  });
}

const SETTLE_TIMEOUT_MS = 240_000;

/**
 * Waits until every workload has its replicas ready and every HPA wants what its workload has,
 * unchanged over one HPA sync period: the real HPA controller sizes the seeded workloads on the
 * metrics adapter's load at first, which the tests must not race.
 */
async function settled(real: RealClusters): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let previous: string | undefined;
  for (;;) {
    const sizes = await Promise.all(real.clusters.map(workloadSizes));
    const steady = sizes.every(cluster => cluster.steady);
    const key = JSON.stringify(sizes);
    if (steady && key === previous) return;
    if (Date.now() > deadline) {
      throw new Error(
        `The real clusters' workloads did not settle: ${JSON.stringify(sizes)}`,
      );
    }
    previous = steady ? key : undefined;
    await new Promise(resolve => setTimeout(resolve, HPA_SYNC_MS + 2_000));
  }
}

async function workloadSizes(cluster: RealCluster) {
  const namespace = cluster.spec.namespace;
  const [deployments, rollouts, hpas] = await Promise.all(
    [
      `/apis/apps/v1/namespaces/${namespace}/deployments`,
      `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts`,
      `/apis/autoscaling/v2/namespaces/${namespace}/horizontalpodautoscalers`,
    ].map(path => cluster.admin.expect('GET', path)),
  );
  const workloads = [...deployments.items, ...rollouts.items].map((w: any) => ({
    name: w.metadata.name,
    replicas: w.spec.replicas,
    ready: w.status?.readyReplicas ?? 0,
  }));
  const wanted = hpas.items.map((hpa: any) => ({
    name: hpa.spec.scaleTargetRef.name,
    desired: hpa.status?.desiredReplicas,
  }));
  return {
    cluster: cluster.name,
    workloads,
    wanted,
    steady:
      workloads.every(w => w.ready === w.replicas) &&
      wanted.every(
        (h: { name: string; desired?: number }) =>
          h.desired === workloads.find(w => w.name === h.name)?.replicas,
      ),
  };
}
