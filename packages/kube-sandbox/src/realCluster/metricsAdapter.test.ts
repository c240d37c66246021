import { request } from 'node:https';
import type { Pod } from '../controllers/kinds';
import { createSimulation } from '../controllers';
import { isPodReady } from '../controllers/pods';
import { parseQuantity } from '../metrics/quantity';
import { startSandbox, type Sandbox } from '../server';
import { startMetricsAdapter, type MetricsAdapter } from './metricsAdapter';

// A sandbox of the whole fleet, plus an adapter mirroring one of its clusters, on two busy cores.
jest.setTimeout(90_000);

/**
 * The adapter mirrors a sandbox cluster over its Kubernetes API, as it mirrors a real cluster, and
 * must report what the sandbox itself reports for the same pods. Both run the load without noise
 * or incidents, so that figures differ only by the diurnal curve over the seconds between the two
 * clocks: under 0.7 % a minute at the steepest, hence the 1 % tolerance and the 60 s bound.
 */
const FLAT_LOAD = { noise: 0, incidentRate: 0 };
const TOLERANCE = 0.01;
const MAX_CLOCK_GAP_MS = 60_000;

const CLUSTER = 'eu-west';
const NAMESPACE = 'meschain-sync';
const SERVICE = 'order-service';
const SELECTOR = encodeURIComponent(`app.kubernetes.io/name=${SERVICE}`);
const METRICS = '/apis/metrics.k8s.io/v1beta1';
const CUSTOM = '/apis/custom.metrics.k8s.io/v1beta2';
const EXTERNAL = '/apis/external.metrics.k8s.io/v1beta1';

interface Answer<T> {
  status: number;
  body: T;
  text: string;
}

interface PodMetricsList {
  kind: string;
  items: {
    metadata: { name: string; namespace: string };
    containers: { name: string; usage: { cpu: string; memory: string } }[];
  }[];
}

interface ValueList {
  items: {
    describedObject?: { name: string };
    metricLabels?: Record<string, string>;
    value: string;
  }[];
}

/** A GET over HTTPS that trusts only the given certificate, so the adapter's TLS is checked too. */
function get<T>(
  url: string,
  caPem: string,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: caPem, headers }, res => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', chunk => (text += chunk));
      res.on('end', () => {
        const json = res.headers['content-type']?.includes('json');
        resolve({
          status: res.statusCode ?? 0,
          text,
          body: (json ? JSON.parse(text) : undefined) as T,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

function cpuByPod(list: PodMetricsList): Map<string, number> {
  return new Map(
    list.items.map(item => [
      item.metadata.name,
      item.containers.reduce((sum, c) => sum + parseQuantity(c.usage.cpu), 0),
    ]),
  );
}

async function eventually(check: () => Promise<void>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
}

describe('startMetricsAdapter', () => {
  let sandbox: Sandbox;
  let adapter: MetricsAdapter;
  const warnings: string[] = [];

  const fromAdapter = <T>(path: string) =>
    get<T>(`${adapter.url}${path}`, adapter.caPem);
  const fromSandbox = <T>(path: string) =>
    get<T>(`${sandbox.clusterUrl(CLUSTER)}${path}`, sandbox.caPem, {
      authorization: `Bearer ${sandbox.cluster(CLUSTER).token}`,
    });
  const readyPodsOfService = () =>
    (
      sandbox.cluster(CLUSTER).store.list('pods', {
        namespace: NAMESPACE,
        labelSelector: `app.kubernetes.io/name=${SERVICE}`,
      }).items as Pod[]
    )
      .filter(pod => pod.status?.phase === 'Running' && isPodReady(pod))
      .map(pod => pod.metadata.name)
      .sort();

  beforeAll(async () => {
    const warmUpMs = 60_000;
    sandbox = await startSandbox({
      speed: 0,
      seed: 1,
      attach: createSimulation({ load: FLAT_LOAD }),
      // Ends its warm-up at the wall clock, which the adapter's clock reads.
      startTime: Date.now() - warmUpMs,
      warmUpMs,
    });
    const cluster = sandbox.cluster(CLUSTER);
    adapter = await startMetricsAdapter({
      cluster: cluster.spec,
      api: {
        url: sandbox.clusterUrl(CLUSTER),
        token: cluster.token,
        caData: Buffer.from(sandbox.caPem).toString('base64'),
      },
      seed: 1,
      load: FLAT_LOAD,
      logger: { warn: message => warnings.push(message) },
    });
    await adapter.synced;
  });

  afterAll(async () => {
    await adapter?.close();
    await sandbox?.close();
  });

  it('answers discovery for the three metrics APIs, and only for them', async () => {
    for (const [path, groupVersion] of [
      [METRICS, 'metrics.k8s.io/v1beta1'],
      [CUSTOM, 'custom.metrics.k8s.io/v1beta2'],
      [EXTERNAL, 'external.metrics.k8s.io/v1beta1'],
    ]) {
      const answer = await fromAdapter<{
        kind: string;
        groupVersion: string;
        resources: { name: string }[];
      }>(path);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        kind: 'APIResourceList',
        groupVersion,
      });
      expect(answer.body.resources.length).toBeGreaterThan(0);
    }
    expect((await fromAdapter('/apis/apps/v1')).status).toBe(404);
    expect((await fromAdapter('/openapi/v2')).status).toBe(200);
    expect((await fromAdapter('/openapi/v3')).status).toBe(200);
  });

  it("lists the service's ready pods with the sandbox's own figures for them", async () => {
    const gapMs = adapter.cluster.clock.now() - sandbox.clock.now();
    expect(Math.abs(gapMs)).toBeLessThan(MAX_CLOCK_GAP_MS);

    const path = `${METRICS}/namespaces/${NAMESPACE}/pods?labelSelector=${SELECTOR}`;
    const [mirrored, own] = await Promise.all([
      fromAdapter<PodMetricsList>(path),
      fromSandbox<PodMetricsList>(path),
    ]);
    expect(mirrored.status).toBe(200);
    expect(mirrored.body.kind).toBe('PodMetricsList');
    const names = mirrored.body.items.map(item => item.metadata.name).sort();
    expect(names).toEqual(readyPodsOfService());
    expect(names.length).toBeGreaterThanOrEqual(3);

    const ownCpu = cpuByPod(own.body);
    const ownMemory = new Map(
      own.body.items.map(i => [i.metadata.name, i.containers[0].usage.memory]),
    );
    for (const item of mirrored.body.items) {
      const cpu = parseQuantity(item.containers[0].usage.cpu);
      const memory = parseQuantity(item.containers[0].usage.memory);
      // order-service requests 400m and 512Mi, with limits of 800m and 1Gi.
      expect(cpu).toBeGreaterThan(0.04);
      expect(cpu).toBeLessThanOrEqual(0.8);
      expect(memory).toBeGreaterThan(200 * 2 ** 20);
      expect(memory).toBeLessThan(2 ** 30);
      expect(
        relativeDifference(cpu, ownCpu.get(item.metadata.name)!),
      ).toBeLessThan(TOLERANCE);
      expect(
        relativeDifference(
          memory,
          parseQuantity(ownMemory.get(item.metadata.name)),
        ),
      ).toBeLessThan(TOLERANCE);
    }
  });

  it('answers the custom and external metrics the seeded HPAs ask for', async () => {
    const perPod = await fromAdapter<ValueList>(
      `${CUSTOM}/namespaces/${NAMESPACE}/pods/*/http_requests_per_minute?labelSelector=${SELECTOR}`,
    );
    expect(perPod.status).toBe(200);
    expect(perPod.body.items.map(i => i.describedObject?.name).sort()).toEqual(
      readyPodsOfService(),
    );
    for (const item of perPod.body.items)
      expect(parseQuantity(item.value)).toBeGreaterThan(0);

    const latency = await fromAdapter<ValueList>(
      `${CUSTOM}/namespaces/${NAMESPACE}/services/${SERVICE}/http_request_duration_p95_seconds`,
    );
    expect(latency.status).toBe(200);
    expect(latency.body.items).toHaveLength(1);
    // order-service's idle p95 is 120 ms.
    expect(parseQuantity(latency.body.items[0].value)).toBeGreaterThanOrEqual(
      0.12,
    );

    const queue = await fromAdapter<ValueList>(
      `${EXTERNAL}/namespaces/${NAMESPACE}/queue_length?labelSelector=${encodeURIComponent(
        `queue=${SERVICE}`,
      )}`,
    );
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({
        metricLabels: { service: SERVICE, queue: SERVICE },
        value: expect.stringMatching(/^\d+m?$/),
      }),
    ]);

    const marketplace = `${EXTERNAL}/namespaces/${NAMESPACE}/marketplace_api_latency_ms?labelSelector=${encodeURIComponent(
      'service=marketplace-service',
    )}`;
    const [mirrored, own] = await Promise.all([
      fromAdapter<ValueList>(marketplace),
      fromSandbox<ValueList>(marketplace),
    ]);
    expect(mirrored.body.items).toHaveLength(1);
    const value = parseQuantity(mirrored.body.items[0].value);
    expect(value).toBeGreaterThan(100);
    expect(
      relativeDifference(value, parseQuantity(own.body.items[0].value)),
    ).toBeLessThan(TOLERANCE);
  });

  it('serves OpenCost and Prometheus at the root and under /clusters/<name>', async () => {
    const allocation = await fromAdapter<{
      code: number;
      data: Record<string, unknown>[];
    }>(`/allocation?window=10m&aggregate=pod&accumulate=true`);
    expect(allocation.status).toBe(200);
    const pods = Object.keys(allocation.body.data[0]);
    expect(pods).toEqual(expect.arrayContaining(readyPodsOfService()));

    const metrics = await fromAdapter(`/clusters/${CLUSTER}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain(
      `meschain_ready_pods{cluster="${CLUSTER}",region="${CLUSTER}",service="${SERVICE}"} ${
        readyPodsOfService().length
      }`,
    );
  });

  it("follows pods created and deleted in the watched cluster, and splits the service's load over them", async () => {
    const requestsPerPod = async () => {
      const answer = await fromAdapter<ValueList>(
        `${CUSTOM}/namespaces/${NAMESPACE}/pods/*/http_requests_per_second?labelSelector=${SELECTOR}`,
      );
      return new Map(
        answer.body.items.map(i => [
          i.describedObject!.name,
          parseQuantity(i.value),
        ]),
      );
    };
    const podMetricNames = async () =>
      (
        await fromAdapter<PodMetricsList>(
          `${METRICS}/namespaces/${NAMESPACE}/pods?labelSelector=${SELECTOR}`,
        )
      ).body.items
        .map(i => i.metadata.name)
        .sort();
    const before = await requestsPerPod();
    const serving = before.size;
    const [template] = sandbox.cluster(CLUSTER).store.list('pods', {
      namespace: NAMESPACE,
      labelSelector: `app.kubernetes.io/name=${SERVICE}`,
    }).items as Pod[];
    const name = `${SERVICE}-extra`;
    const podUrl = `${sandbox.clusterUrl(
      CLUSTER,
      'http',
    )}/api/v1/namespaces/${NAMESPACE}/pods`;
    const headers = {
      authorization: `Bearer ${sandbox.cluster(CLUSTER).token}`,
    };

    // Created, then reported Running and Ready, as kwok's fake kubelet does.
    const created = await fetch(podUrl, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name,
          namespace: NAMESPACE,
          labels: template.metadata.labels,
        },
        spec: template.spec,
      }),
    });
    expect(created.status).toBe(201);
    const ready = await fetch(`${podUrl}/${name}/status`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({
        status: {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True' }],
        },
      }),
    });
    expect(ready.status).toBe(200);

    await eventually(async () => {
      expect(await podMetricNames()).toEqual([...before.keys(), name].sort());
      const after = await requestsPerPod();
      // One more ready pod shares the service's traffic.
      for (const [pod, rps] of before) {
        expect(
          relativeDifference(after.get(pod)!, (rps * serving) / (serving + 1)),
        ).toBeLessThan(TOLERANCE);
      }
    });

    const deleted = await fetch(`${podUrl}/${name}`, {
      method: 'DELETE',
      headers,
    });
    expect(deleted.status).toBe(200);
    await eventually(async () =>
      expect(await podMetricNames()).toEqual([...before.keys()].sort()),
    );
    expect(warnings).toEqual([]);
  });
});
