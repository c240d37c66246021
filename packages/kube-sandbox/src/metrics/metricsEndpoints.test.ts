import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Sandbox } from '../server';
import { startTestSandbox, writeKubeconfig } from '../testing/sandbox';

// Starting a sandbox and running its simulation takes seconds when the whole
// suite shares two cores.
jest.setTimeout(60_000);

/** The metrics endpoints of a running sandbox (the small test fleet), read as their clients read them. */

/** Prometheus' promtool (Debian package `prometheus`), from PATH unless PROMTOOL names it. */
const PROMTOOL = process.env.PROMTOOL ?? 'promtool';

function run(
  command: string,
  args: string[],
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(command, args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', () => resolve({ code: -1, stdout, stderr }));
    child.on('close', code => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const kubectlAvailable = new Promise<boolean>(resolve =>
  execFile('kubectl', ['version', '--client'], error => resolve(!error)),
);

describe('metrics endpoints', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    // A minute and a half of traffic, so the counters have something to count.
    sandbox.advance(90_000);
  });

  afterAll(() => sandbox.close());

  async function get<T>(
    path: string,
    token: string | undefined = 'token-eu-west',
  ): Promise<{ status: number; body: T; text: string; type: string | null }> {
    const response = await fetch(
      `${sandbox.clusterUrl('eu-west', 'http')}${path}`,
      {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      },
    );
    const text = await response.text();
    const type = response.headers.get('content-type');
    return {
      status: response.status,
      text,
      type,
      body: type?.includes('json') ? (JSON.parse(text) as T) : (undefined as T),
    };
  }

  interface MetricsList<T> {
    kind: string;
    items: T[];
  }

  it('serves metrics.k8s.io pod and node metrics with discovery', async () => {
    const discovery = await get<{
      resources: { name: string; kind: string }[];
    }>('/apis/metrics.k8s.io/v1beta1');
    expect(discovery.body.resources.map(r => [r.name, r.kind])).toEqual([
      ['nodes', 'NodeMetrics'],
      ['pods', 'PodMetrics'],
    ]);
    const groups = await get<{ groups: { name: string }[] }>('/apis');
    expect(groups.body.groups.map(g => g.name)).toEqual(
      expect.arrayContaining([
        'metrics.k8s.io',
        'custom.metrics.k8s.io',
        'external.metrics.k8s.io',
      ]),
    );

    const pods = await get<
      MetricsList<{
        metadata: { name: string };
        window: string;
        containers: { name: string; usage: { cpu: string; memory: string } }[];
      }>
    >(
      '/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods?labelSelector=app.kubernetes.io%2Fname%3Dweb',
    );
    expect(pods.body.kind).toBe('PodMetricsList');
    expect(pods.body.items).toHaveLength(2);
    for (const item of pods.body.items) {
      expect(item.window).toBe('15s');
      expect(item.containers).toEqual([
        {
          name: 'web',
          usage: {
            cpu: expect.stringMatching(/^\d+n$/),
            memory: expect.stringMatching(/^\d+Ki$/),
          },
        },
      ]);
      expect(parseInt(item.containers[0].usage.cpu, 10)).toBeGreaterThan(0);
    }

    const [first] = pods.body.items;
    const one = await get<{ metadata: { name: string } }>(
      `/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods/${first.metadata.name}`,
    );
    expect(one.body.metadata.name).toBe(first.metadata.name);
    const missing = await get(
      '/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods/no-such-pod',
    );
    expect(missing.status).toBe(404);

    const nodes = await get<
      MetricsList<{ metadata: { name: string }; usage: { cpu: string } }>
    >('/apis/metrics.k8s.io/v1beta1/nodes');
    expect(nodes.body.kind).toBe('NodeMetricsList');
    expect(nodes.body.items).toHaveLength(2);
  });

  it('lets kubectl top read pods and nodes', async () => {
    if (!(await kubectlAvailable)) return;
    const kubeconfig = writeKubeconfig(sandbox);
    try {
      const base = [
        '--kubeconfig',
        kubeconfig.path,
        '--cache-dir',
        join(kubeconfig.dir, 'cache'),
        '--context',
        'eu-west',
      ];
      const pods = await run('kubectl', [
        ...base,
        'top',
        'pod',
        '-n',
        'shop',
        '-l',
        'app.kubernetes.io/name=web',
        '--no-headers',
      ]);
      expect(pods.stderr).toBe('');
      const lines = pods.stdout
        .trim()
        .split('\n')
        .map(line => line.trim());
      expect(lines).toHaveLength(2);
      for (const line of lines)
        expect(line).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}\s+\d+m\s+\d+Mi$/);
      const nodes = await run('kubectl', [
        ...base,
        'top',
        'node',
        '--no-headers',
      ]);
      expect(nodes.stdout.trim().split('\n')).toHaveLength(2);
    } finally {
      kubeconfig.cleanup();
    }
  });

  it('serves custom Pods and Object metrics and external metrics', async () => {
    const perPod = await get<
      MetricsList<{
        describedObject: { kind: string; name: string };
        metric: { name: string };
        value: string;
      }>
    >(
      '/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/http_requests_per_second?labelSelector=app.kubernetes.io%2Fname%3Dweb',
    );
    expect(perPod.body.kind).toBe('MetricValueList');
    expect(perPod.body.items).toHaveLength(2);
    expect(perPod.body.items[0]).toMatchObject({
      describedObject: { kind: 'Pod' },
      metric: { name: 'http_requests_per_second' },
    });

    const service = await get<
      MetricsList<{
        describedObject: { kind: string; name: string };
        value: string;
      }>
    >(
      '/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/services/web/http_requests_per_second',
    );
    expect(service.body.items).toEqual([
      expect.objectContaining({
        describedObject: expect.objectContaining({
          kind: 'Service',
          name: 'web',
        }),
      }),
    ]);
    // The service's rate is the sum of its pods' rates (values are milli-quantities).
    const milli = (value: string) =>
      value.endsWith('m') ? Number(value.slice(0, -1)) : Number(value) * 1000;
    const podSum = perPod.body.items.reduce(
      (sum, item) => sum + milli(item.value),
      0,
    );
    expect(
      Math.abs(podSum - milli(service.body.items[0].value)),
    ).toBeLessThanOrEqual(2);

    const external = await get<
      MetricsList<{
        metricName: string;
        metricLabels: Record<string, string>;
        value: string;
      }>
    >(
      '/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/http_requests_per_second?labelSelector=service%3Dweb',
    );
    expect(external.body.items).toEqual([
      expect.objectContaining({
        metricName: 'http_requests_per_second',
        metricLabels: { service: 'web' },
        value: service.body.items[0].value,
      }),
    ]);

    const missing = await get<{ kind: string; reason: string }>(
      '/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/no_such_metric',
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ kind: 'Status', reason: 'NotFound' });
  });

  it('exposes Prometheus metrics without a token, in a format promtool accepts', async () => {
    const scrape = await get<undefined>('/metrics', undefined);
    expect(scrape.status).toBe(200);
    expect(scrape.type).toContain('text/plain; version=0.0.4');
    expect(scrape.text).toContain(
      'kube_deployment_status_replicas{cluster="eu-west",region="eu-west",namespace="shop",deployment="web"} 2',
    );
    expect(scrape.text).toMatch(
      /kube_horizontalpodautoscaler_status_current_replicas\{cluster="eu-west",region="eu-west",namespace="shop",horizontalpodautoscaler="web"\} \d+/,
    );
    expect(scrape.text).toMatch(
      /http_requests_total\{[^}]*service="web"[^}]*code="2xx"\} [1-9]\d*/,
    );
    expect(scrape.text).toMatch(
      /http_request_duration_seconds_bucket\{[^}]*le="\+Inf"\} \d+/,
    );
    expect(scrape.text).toMatch(
      /container_cpu_usage_seconds_total\{[^}]*pod="web-/,
    );

    // Debian's promtool must accept the scrape without a lint complaint. CI
    // installs it; elsewhere the check runs only where it is installed.
    const promtoolInstalled = (await run(PROMTOOL, ['--version'])).code === 0;
    if (!promtoolInstalled && process.env.CI) {
      throw new Error('promtool is required in CI but was not found');
    }
    const check = promtoolInstalled
      ? await run(PROMTOOL, ['check', 'metrics'], scrape.text)
      : { code: 0, stdout: '', stderr: '' };
    expect(check.stdout + check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('exposes container limits, HPA conditions and the dependencies the services use', async () => {
    const { text } = await get<undefined>('/metrics', undefined);
    const sample = (pattern: string) => {
      const match = text.match(new RegExp(`^${pattern} (\\S+)$`, 'm'));
      return match ? Number(match[1]) : undefined;
    };
    const where = 'cluster="eu-west",region="eu-west"';
    expect(
      sample(
        `kube_pod_container_resource_limits\\{${where},namespace="shop",pod="shop-[^}]*,service="shop",resource="memory",unit="byte"\\}`,
      ),
    ).toBe(256 * 2 ** 20);
    // web declares no limits: kube-state-metrics has no series for it.
    expect(text).not.toMatch(
      /kube_pod_container_resource_limits\{[^}]*service="web"/,
    );
    expect(
      sample(
        `kube_horizontalpodautoscaler_status_condition\\{${where},namespace="shop",horizontalpodautoscaler="web",condition="AbleToScale",status="true"\\}`,
      ),
    ).toBe(1);
    expect(
      sample(
        `kube_horizontalpodautoscaler_status_condition\\{${where},namespace="shop",horizontalpodautoscaler="web",condition="AbleToScale",status="false"\\}`,
      ),
    ).toBe(0);

    const resource = (name: string, metric: string, extra = '') =>
      sample(`${metric}\\{${where},resource="${name}"${extra}\\}`);
    expect(resource('web-db', 'meschain_db_connections_max')).toBe(50);
    // Two web pods keep a few connections each.
    expect(
      resource('web-db', 'meschain_db_connections_in_use'),
    ).toBeGreaterThanOrEqual(4);
    expect(
      resource('web-db', 'meschain_db_replication_lag_seconds'),
    ).toBeGreaterThan(0.02);
    const hits = resource(
      'web-cache',
      'meschain_cache_requests_total',
      ',result="hit"',
    )!;
    const misses = resource(
      'web-cache',
      'meschain_cache_requests_total',
      ',result="miss"',
    )!;
    expect(hits / (hits + misses)).toBeGreaterThan(0.85);
    expect(hits / (hits + misses)).toBeLessThan(0.98);
    expect(
      resource('shop-events', 'meschain_queue_messages'),
    ).toBeGreaterThanOrEqual(0);
  });

  describe('service faults', () => {
    const admin = (path: string, body?: unknown, token = sandbox.adminToken) =>
      fetch(`${sandbox.httpUrl}/_sandbox/clusters/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    /** web's requests and errors in eu-west, summed over its pods. */
    async function webCounters() {
      const { text } = await get<undefined>('/metrics', undefined);
      const total = (pattern: RegExp) =>
        text
          .split('\n')
          .filter(line => pattern.test(line))
          .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
      return {
        ok: total(/^http_requests_total\{[^}]*service="web",code="2xx"\}/),
        failed: total(/^http_requests_total\{[^}]*service="web",code="5xx"\}/),
        latencySum: total(
          /^http_request_duration_seconds_sum\{[^}]*service="web"\}/,
        ),
        count: total(
          /^http_request_duration_seconds_count\{[^}]*service="web"\}/,
        ),
      };
    }

    afterAll(() => admin('eu-west/services/web/fault', { mode: 'none' }));

    it('fails the share of requests it is told to, lists the fault, and clears it', async () => {
      const set = await admin('eu-west/services/web/fault', {
        errorRatio: 0.4,
      });
      expect(set.status).toBe(200);
      expect(await set.json()).toEqual({
        cluster: 'eu-west',
        service: 'web',
        fault: { errorRatio: 0.4 },
      });
      const listed = (await (await admin('')).json()) as {
        clusters: { name: string; serviceFaults: Record<string, unknown> }[];
      };
      expect(listed.clusters.map(c => [c.name, c.serviceFaults])).toEqual([
        ['eu-west', { web: { errorRatio: 0.4 } }],
        ['eu-central', {}],
      ]);

      const before = await webCounters();
      sandbox.advance(120_000);
      const after = await webCounters();
      const failed = after.failed - before.failed;
      const served = failed + after.ok - before.ok;
      expect(failed / served).toBeGreaterThan(0.39);
      expect(failed / served).toBeLessThan(0.42);

      const cleared = await admin('eu-west/services/web/fault', {});
      expect(await cleared.json()).toMatchObject({ fault: null });
      const quiet = await webCounters();
      sandbox.advance(60_000);
      const later = await webCounters();
      expect(
        (later.failed - quiet.failed) /
          (later.failed - quiet.failed + later.ok - quiet.ok),
      ).toBeLessThan(0.01);
    });

    it('slows every request by the factor it is told, as the HPA reads it too', async () => {
      const mean = (a: { latencySum: number; count: number }, b: typeof a) =>
        (b.latencySum - a.latencySum) / (b.count - a.count);
      /** web's p95 as an Object metric on its Service, as an HPA on latency reads it. */
      const p95 = async () => {
        const { body } = await get<MetricsList<{ value: string }>>(
          '/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/services/web/http_p95_latency_ms',
        );
        const { value } = body.items[0];
        return value.endsWith('m')
          ? Number(value.slice(0, -1)) / 1000
          : Number(value);
      };
      const t0 = await webCounters();
      sandbox.advance(60_000);
      const t1 = await webCounters();
      const p95Before = await p95();
      await admin('eu-west/services/web/fault', { latencyFactor: 5 });
      sandbox.advance(60_000);
      const t2 = await webCounters();
      const ratio = mean(t1, t2) / mean(t0, t1);
      expect(ratio).toBeGreaterThan(4.5);
      expect(ratio).toBeLessThan(5.5);
      expect((await p95()) / p95Before).toBeGreaterThan(4.5);
      expect((await p95()) / p95Before).toBeLessThan(5.5);
      await admin('eu-west/services/web/fault', { mode: 'none' });
    });

    it('refuses bad faults with a 400 naming the field, unknown targets with a 404', async () => {
      const refused = async (path: string, body: unknown) => {
        const response = await admin(path, body);
        return [response.status, ((await response.json()) as any).message];
      };
      const web = 'eu-west/services/web/fault';
      expect(await refused(web, { errorRatio: 1.5 })).toEqual([
        400,
        expect.stringContaining('errorRatio must be a number from 0 to 1'),
      ]);
      expect(await refused(web, { errorRatio: '0.5' })).toEqual([
        400,
        expect.stringContaining('errorRatio'),
      ]);
      expect(await refused(web, { latencyFactor: 0.5 })).toEqual([
        400,
        expect.stringContaining('latencyFactor must be a number of at least 1'),
      ]);
      expect(await refused(web, { mode: 'error500' })).toEqual([
        400,
        expect.stringContaining('mode must be "none"'),
      ]);
      expect(await refused(web, { errorRate: 0.5 })).toEqual([
        400,
        expect.stringContaining('unknown field "errorRate"'),
      ]);
      expect(
        (await admin('eu-west/services/nope/fault', { errorRatio: 0.1 }))
          .status,
      ).toBe(404);
      expect(
        (await admin('eu-central/services/shop/fault', { errorRatio: 0.1 }))
          .status,
      ).toBe(404);
      expect(
        (await admin('nowhere/services/web/fault', { errorRatio: 0.1 })).status,
      ).toBe(404);
      expect(
        (await admin(web, { errorRatio: 0.1 }, 'not-the-token')).status,
      ).toBe(401);
      // Nothing refused was applied.
      expect(
        sandbox.loadModel('eu-west').faultsAt(sandbox.clock.now()),
      ).toEqual(new Map());
    });
  });
});
