/**
 * kube-sandbox benchmark: memory with the default fleet, and list latency of one cluster holding
 * 2,000 Deployments and 20,000 Pods, each with a baseline measured in the same run.
 *
 * Run with `yarn bench:sandbox`. Aims: < 150 MB RSS; < 200 ms full pod list; < 20 ms selected list.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import {
  parseFleet,
  startSandbox,
  type KubeObject,
  type Sandbox,
} from '@meschain/kube-sandbox';

const DEPLOYMENTS = 2_000;
const PODS_PER_DEPLOYMENT = 10;
const NAMESPACES = 20;
const ADMIN_TOKEN = 'bench-admin-token';
const SANDBOX_BIN = resolve(
  __dirname,
  '../packages/kube-sandbox/bin/kube-sandbox',
);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timeIt(
  runs: number,
  fn: () => Promise<unknown> | unknown,
): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;

/** Starts a process, waits for its first stdout line, asks `stats` for its memory, then stops it. */
async function measureProcess(
  args: string[],
  stats: (firstLine: string) => Promise<NodeJS.MemoryUsage>,
): Promise<NodeJS.MemoryUsage> {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const firstLine = await new Promise<string>((ok, fail) => {
      let buffer = '';
      child.stdout.on('data', chunk => {
        buffer += chunk;
        if (buffer.includes('\n')) ok(buffer.split('\n')[0]);
      });
      child.once('exit', code =>
        fail(new Error(`process exited with ${code}`)),
      );
    });
    return await stats(firstLine);
  } finally {
    child.kill('SIGTERM');
  }
}

async function memoryWithDefaultFleet(): Promise<{
  sandbox: NodeJS.MemoryUsage;
  baseline: NodeJS.MemoryUsage;
  objects: number;
}> {
  let objects = 0;
  // The same flags as `yarn sandbox` (the package's start script).
  const args = [
    '--max-semi-space-size=4',
    SANDBOX_BIN,
    '--port',
    '0',
    '--speed',
    '60',
    '--admin-token',
    ADMIN_TOKEN,
  ];
  const sandbox = await measureProcess(args, async line => {
    const url = /https:\/\/([^ ]+)/.exec(line)![1];
    // Let the simulation run (×60: ten simulated minutes) before reading memory.
    await new Promise(r => setTimeout(r, 10_000));
    const response = await fetch(`http://${url}/_sandbox/stats`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const body = (await response.json()) as {
      memory: NodeJS.MemoryUsage;
      clusters: Record<string, Record<string, number>>;
    };
    objects = Object.values(body.clusters).reduce(
      (sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0),
      0,
    );
    return body.memory;
  });
  return { sandbox, baseline: await baselineMemory(), objects };
}

/** RSS of a bare Node process with the TypeScript transform registered. */
function baselineMemory(): Promise<NodeJS.MemoryUsage> {
  return new Promise((ok, fail) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@backstage/cli/config/nodeTransform.cjs',
        '-e',
        'setTimeout(() => console.log(JSON.stringify(process.memoryUsage())), 500)',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', chunk => (out += chunk));
    child.once('exit', () => {
      try {
        ok(JSON.parse(out));
      } catch (error) {
        fail(error);
      }
    });
  });
}

const BENCH_FLEET = `
clusters:
  - name: bench
    token: bench-token
    prices: { cpuCoreHour: 0.03, ramGiBHour: 0.004 }
    nodePools: []
    services: []
`;

function fillCluster(sandbox: Sandbox): KubeObject[] {
  const { store } = sandbox.cluster('bench');
  for (let n = 0; n < NAMESPACES; n++) {
    store.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: `team-${n}` },
    });
  }
  for (let d = 0; d < DEPLOYMENTS; d++) {
    const namespace = `team-${d % NAMESPACES}`;
    const name = `svc-${d}`;
    const labels = {
      app: name,
      'app.kubernetes.io/name': name,
      'backstage.io/kubernetes-id': name,
      tier: d % 3 === 0 ? 'front' : 'back',
    };
    const deployment = store.create('deployments.apps', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, labels },
      spec: {
        replicas: PODS_PER_DEPLOYMENT,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'app',
                image: `example/${name}:1.0.0`,
                resources: { requests: { cpu: '100m', memory: '128Mi' } },
              },
            ],
          },
        },
      },
      status: {
        replicas: PODS_PER_DEPLOYMENT,
        readyReplicas: PODS_PER_DEPLOYMENT,
        availableReplicas: PODS_PER_DEPLOYMENT,
      },
    });
    for (let p = 0; p < PODS_PER_DEPLOYMENT; p++) {
      store.create('pods', podFor(deployment, p));
    }
  }
  return store.list('pods').items as KubeObject[];
}

function podFor(deployment: KubeObject, index: number): KubeObject {
  const { name, namespace, labels, uid } = deployment.metadata;
  const time = '2025-01-06T00:00:00Z';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${name}-7d9f8b6c5d-${index.toString(36).padStart(5, 'x')}`,
      namespace,
      labels: { ...labels, 'pod-template-hash': '7d9f8b6c5d' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: `${name}-7d9f8b6c5d`,
          uid: uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      nodeName: `node-${index % 50}`,
      containers: [
        {
          name: 'app',
          image: `example/${name}:1.0.0`,
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          resources: {
            requests: { cpu: '100m', memory: '128Mi' },
            limits: { cpu: '200m', memory: '256Mi' },
          },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
    },
    status: {
      phase: 'Running',
      qosClass: 'Burstable',
      podIP: `10.1.${Math.floor(index / 250)}.${index % 250}`,
      hostIP: '10.0.0.10',
      startTime: time,
      conditions: [
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(type => ({ type, status: 'True', lastTransitionTime: time })),
      containerStatuses: [
        {
          name: 'app',
          ready: true,
          started: true,
          restartCount: 0,
          image: `example/${name}:1.0.0`,
          imageID: '',
          state: { running: { startedAt: time } },
        },
      ],
    },
  };
}

/**
 * Times GETs from a worker thread, so that the client's reading and parsing run beside the
 * server (as a real client's would) instead of taking turns with it on one event loop.
 */
class HttpTimer {
  readonly #worker: Worker;
  #nextId = 0;
  readonly #pending = new Map<
    number,
    (value: { ms?: number; body?: string; error?: string }) => void
  >();

  constructor(base: string, headers: Record<string, string>) {
    this.#worker = new Worker(HTTP_TIMER_SOURCE, {
      eval: true,
      workerData: { base, headers },
    });
    this.#worker.on(
      'message',
      (message: { id: number; ms?: number; body?: string; error?: string }) => {
        this.#pending.get(message.id)?.(message);
        this.#pending.delete(message.id);
      },
    );
  }

  #ask(
    request: Record<string, unknown>,
  ): Promise<{ ms?: number; body?: string }> {
    const id = this.#nextId++;
    return new Promise((ok, fail) => {
      this.#pending.set(id, reply =>
        reply.error ? fail(new Error(reply.error)) : ok(reply),
      );
      this.#worker.postMessage({ id, ...request });
    });
  }

  async median(
    path: string,
    runs: number,
    options: { accept?: string; parse?: boolean } = {},
  ): Promise<number> {
    await this.#ask({ path, ...options });
    const times: number[] = [];
    for (let i = 0; i < runs; i++)
      times.push((await this.#ask({ path, ...options })).ms!);
    return median(times);
  }

  async body(path: string): Promise<string> {
    return (await this.#ask({ path, returnBody: true })).body!;
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}

const HTTP_TIMER_SOURCE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const agent = new http.Agent({ keepAlive: true });
parentPort.on('message', ({ id, path, accept, parse, returnBody }) => {
  const started = performance.now();
  const headers = accept ? { ...workerData.headers, Accept: accept } : workerData.headers;
  http.get(workerData.base + path, { agent, headers }, res => {
    const chunks = [];
    res.on('data', chunk => chunks.push(chunk));
    res.on('end', () => {
      const bytes = Buffer.concat(chunks);
      if (parse) JSON.parse(bytes.toString('utf8'));
      const ms = performance.now() - started;
      parentPort.postMessage({ id, ms, body: returnBody ? bytes.toString('utf8') : undefined });
    });
  }).on('error', error => parentPort.postMessage({ id, error: String(error) }));
});
`;

async function listLatency() {
  const sandbox = await startSandbox({
    fleet: parseFleet(BENCH_FLEET),
    speed: 0,
    warmUpMs: 0,
    attach: () => ({ tick: () => undefined, routes: [], discovery: [] }),
  });
  try {
    const fillStarted = performance.now();
    const pods = fillCluster(sandbox);
    const fillMs = performance.now() - fillStarted;
    const client = new HttpTimer(sandbox.clusterUrl('bench', 'http'), {
      Authorization: 'Bearer bench-token',
    });
    try {
      const table = 'application/json;as=Table;v=v1;g=meta.k8s.io';
      const result = {
        pods: pods.length,
        fillMs,
        version: await client.median('/version', 50),
        stringify: await timeIt(10, () =>
          JSON.stringify({
            kind: 'PodList',
            apiVersion: 'v1',
            metadata: {},
            items: pods,
          }),
        ),
        fullPods: await client.median('/api/v1/pods', 10),
        fullPodsParsed: await client.median('/api/v1/pods', 5, { parse: true }),
        fullDeployments: await client.median('/apis/apps/v1/deployments', 10),
        podTable: await client.median('/api/v1/pods', 5, { accept: table }),
        selectedPods: await client.median(
          '/api/v1/pods?labelSelector=app%3Dsvc-1234',
          50,
        ),
        selectedSetBased: await client.median(
          '/api/v1/pods?labelSelector=app%20in%20(svc-1,svc-2),tier',
          50,
        ),
        selectedInNamespace: await client.median(
          '/api/v1/namespaces/team-14/pods?labelSelector=app%3Dsvc-1234',
          50,
        ),
        podListBytes: (await client.body('/api/v1/pods')).length,
        selectedCount: (
          JSON.parse(
            await client.body('/api/v1/pods?labelSelector=app%3Dsvc-1234'),
          ) as { items: unknown[] }
        ).items.length,
      };
      return result;
    } finally {
      await client.close();
    }
  } finally {
    await sandbox.close();
  }
}

async function main() {
  const latency = await listLatency();
  const memory = await memoryWithDefaultFleet();
  const lines = [
    'kube-sandbox benchmark',
    '',
    `memory, default fleet (7 clusters, ${memory.objects} objects, 10 simulated minutes at ×60):`,
    `  sandbox RSS            ${mb(memory.sandbox.rss).padStart(
      10,
    )}   (aim < 150 MB)  heap used ${mb(memory.sandbox.heapUsed)}`,
    `  baseline RSS           ${mb(memory.baseline.rss).padStart(
      10,
    )}   (bare node + TS transform)`,
    `  ratio                  ${(memory.sandbox.rss / memory.baseline.rss)
      .toFixed(2)
      .padStart(10)}×`,
    '',
    `list latency, one cluster with ${DEPLOYMENTS} deployments and ${latency.pods} pods (median, over HTTP, client in a worker thread):`,
    `  filling the store      ${ms(latency.fillMs).padStart(10)}`,
    `  baseline GET /version  ${ms(latency.version).padStart(10)}`,
    `  baseline JSON.stringify of the ${latency.pods} pods ${ms(
      latency.stringify,
    )} (${(latency.podListBytes / 2 ** 20).toFixed(1)} MB)`,
    `  full pod list          ${ms(latency.fullPods).padStart(
      10,
    )}   (aim < 200 ms)  ${(latency.fullPods / latency.stringify).toFixed(
      2,
    )}× stringify`,
    `  full pod list + parse  ${ms(latency.fullPodsParsed).padStart(
      10,
    )}   (client JSON.parse included)`,
    `  pod Table (kubectl)    ${ms(latency.podTable).padStart(10)}`,
    `  full deployment list   ${ms(latency.fullDeployments).padStart(10)}`,
    `  label-selected pods    ${ms(latency.selectedPods).padStart(
      10,
    )}   (aim < 20 ms)   ${(latency.selectedPods / latency.version).toFixed(
      2,
    )}× /version, ${latency.selectedCount} pods`,
    `  set-based selector     ${ms(latency.selectedSetBased).padStart(10)}   ${(
      latency.selectedSetBased / latency.version
    ).toFixed(2)}× /version`,
    `  selected, namespaced   ${ms(latency.selectedInNamespace).padStart(
      10,
    )}   ${(latency.selectedInNamespace / latency.version).toFixed(
      2,
    )}× /version`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
