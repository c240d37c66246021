/**
 * Runs in a worker thread: a kube-sandbox of many identical clusters, filled straight through
 * each cluster's store, behind an HTTP proxy that counts the requests each cluster receives.
 * The sandbox stands in for remote clusters, so it gets its own thread instead of sharing the
 * backends' event loop.
 */
import {
  createServer,
  request as httpRequest,
  Agent,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  isMainThread,
  parentPort,
  Worker,
  workerData,
} from 'node:worker_threads';
import {
  parseFleet,
  startSandbox,
  type KubeObject,
  type SandboxCluster,
} from '@meschain/kube-sandbox';

export interface FanoutSandboxOptions {
  clusters: string[];
  deploymentsPerCluster: number;
  podsPerDeployment: number;
  namespaces: number;
}

export interface FanoutSandboxReady {
  /** Base URL of each cluster, through the counting proxy. */
  urls: Record<string, string>;
  tokens: Record<string, string>;
  /** What each cluster holds. */
  perCluster: { deployments: number; pods: number; autoscalers: number };
}

/** Requests counted since the last reset: per cluster, and per method + path without names. */
export interface RequestCounts {
  perCluster: Record<string, number>;
  perRoute: Record<string, number>;
}

const TIME = '2025-01-06T00:00:00Z';

function fillCluster(cluster: SandboxCluster, options: FanoutSandboxOptions) {
  const { store } = cluster;
  for (let n = 0; n < options.namespaces; n++) {
    store.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: `team-${n}` },
    });
  }
  for (let d = 0; d < options.deploymentsPerCluster; d++) {
    const namespace = `team-${d % options.namespaces}`;
    const name = `svc-${d}`;
    const labels = {
      app: name,
      'app.kubernetes.io/name': name,
      'backstage.io/kubernetes-id': name,
    };
    const replicas = options.podsPerDeployment;
    const container = {
      name: 'app',
      image: `example/${name}:1.0.0`,
      resources: {
        requests: { cpu: '100m', memory: '128Mi' },
        limits: { cpu: '200m', memory: '256Mi' },
      },
    };
    const deployment = store.create('deployments.apps', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, labels },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels }, spec: { containers: [container] } },
      },
      status: {
        replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        updatedReplicas: replicas,
      },
    });
    const replicaSet = store.create('replicasets.apps', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${name}-7d9f8b6c5d`,
        namespace,
        labels: { ...labels, 'pod-template-hash': '7d9f8b6c5d' },
        ownerReferences: [owner(deployment)],
      },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels }, spec: { containers: [container] } },
      },
      status: {
        replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
      },
    });
    for (let p = 0; p < replicas; p++) {
      store.create('pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${replicaSet.metadata.name}-${p
            .toString(36)
            .padStart(5, 'x')}`,
          namespace,
          labels: { ...labels, 'pod-template-hash': '7d9f8b6c5d' },
          ownerReferences: [owner(replicaSet)],
        },
        spec: { nodeName: `node-${p % 10}`, containers: [container] },
        status: {
          phase: 'Running',
          startTime: TIME,
          conditions: ['Initialized', 'Ready', 'ContainersReady'].map(type => ({
            type,
            status: 'True',
            lastTransitionTime: TIME,
          })),
          containerStatuses: [
            {
              name: 'app',
              ready: true,
              started: true,
              restartCount: 0,
              image: container.image,
              imageID: '',
              state: { running: { startedAt: TIME } },
            },
          ],
        },
      });
    }
    store.create('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace, labels },
      spec: {
        selector: { app: name },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      },
    });
    // Every workload is autoscaled, as the suite's presets make likely.
    store.create('horizontalpodautoscalers.autoscaling', {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name, namespace, labels },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: replicas,
        maxReplicas: 20,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: { type: 'Utilization', averageUtilization: 70 },
            },
          },
        ],
      },
      status: { currentReplicas: replicas, desiredReplicas: replicas },
    });
  }
}

function owner(object: KubeObject) {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
    uid: object.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** `GET /apis/apps/v1/namespaces/team-7/deployments` → `GET /apis/apps/v1/namespaces/*\/deployments`. */
function routeOf(method: string, path: string): string {
  const bare = path.split('?')[0];
  const selected = /[?&]labelSelector=/.test(path) ? ' (selector)' : '';
  return `${method} ${bare.replace(
    /\/namespaces\/[^/]+/,
    '/namespaces/*',
  )}${selected}`;
}

async function startCountingProxy(target: string) {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  let counts: RequestCounts = { perCluster: {}, perRoute: {} };
  const server: Server = createServer((req, res) => {
    const match = /^\/clusters\/([^/]+)(\/.*)?$/.exec(req.url ?? '');
    if (match) {
      const cluster = decodeURIComponent(match[1]);
      counts.perCluster[cluster] = (counts.perCluster[cluster] ?? 0) + 1;
      const route = routeOf(req.method ?? 'GET', match[2] ?? '/');
      counts.perRoute[route] = (counts.perRoute[route] ?? 0) + 1;
    }
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
        agent,
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>(ok => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    takeCounts() {
      const taken = counts;
      counts = { perCluster: {}, perRoute: {} };
      return taken;
    },
    close() {
      server.closeAllConnections();
      agent.destroy();
      return new Promise<void>(ok => server.close(() => ok()));
    },
  };
}

async function main(options: FanoutSandboxOptions) {
  const fleet = parseFleet(
    JSON.stringify({
      clusters: options.clusters.map(name => ({
        name,
        token: `${name}-token`,
        prices: { cpuCoreHour: 0.03, ramGiBHour: 0.004 },
        nodePools: [],
        services: [],
      })),
    }),
  );
  // speed 0 and no warm-up: the controllers are attached (so the metrics API is served) but
  // never tick, so the filled clusters cost nothing between requests and never change.
  const sandbox = await startSandbox({
    fleet,
    port: 0,
    speed: 0,
    warmUpMs: 0,
    seed: 3,
  });
  for (const name of options.clusters)
    fillCluster(sandbox.cluster(name), options);
  const { store } = sandbox.cluster(options.clusters[0]);
  const count = (resource: string) => store.list(resource).items.length;
  const proxy = await startCountingProxy(sandbox.httpUrl);
  const ready: FanoutSandboxReady = {
    urls: Object.fromEntries(
      options.clusters.map(name => [
        name,
        `${proxy.url}/clusters/${encodeURIComponent(name)}`,
      ]),
    ),
    tokens: Object.fromEntries(
      options.clusters.map(name => [name, sandbox.cluster(name).token]),
    ),
    perCluster: {
      deployments: count('deployments.apps'),
      pods: count('pods'),
      autoscalers: count('horizontalpodautoscalers.autoscaling'),
    },
  };
  parentPort!.on('message', async (message: { id: number; op: string }) => {
    if (message.op === 'takeCounts') {
      parentPort!.postMessage({ id: message.id, counts: proxy.takeCounts() });
    } else if (message.op === 'close') {
      await proxy.close();
      await sandbox.close();
      parentPort!.postMessage({ id: message.id });
    }
  });
  parentPort!.postMessage({ ready });
}

/** Starts the sandbox in a worker thread and resolves once it serves. */
export async function startFanoutSandbox(options: FanoutSandboxOptions) {
  // A worker only runs .js files; it inherits the TypeScript transform through execArgv.
  const worker = new Worker(`require(${JSON.stringify(__filename)});`, {
    eval: true,
    workerData: { fanoutSandbox: options },
  });
  let nextId = 0;
  type Reply = { id: number; counts?: RequestCounts };
  const pending = new Map<number, (reply: Reply) => void>();
  const ready = await new Promise<FanoutSandboxReady>((ok, fail) => {
    worker.once('error', fail);
    worker.on('message', message => {
      if (message.error) fail(new Error(message.error));
      else if (message.ready) ok(message.ready);
      else pending.get(message.id)?.(message);
    });
  });
  const ask = (op: string) =>
    new Promise<Reply>(ok => {
      const id = nextId++;
      pending.set(id, message => {
        pending.delete(id);
        ok(message);
      });
      worker.postMessage({ id, op });
    });
  return {
    ...ready,
    /** Of the sandbox's thread: how busy it was, as `performance.eventLoopUtilization` reports it. */
    eventLoopUtilization: worker.performance.eventLoopUtilization.bind(
      worker.performance,
    ),
    /** The requests counted since the last call. */
    takeCounts: async (): Promise<RequestCounts> =>
      (await ask('takeCounts')).counts!,
    async close() {
      await ask('close');
      await worker.terminate();
    },
  };
}

if (!isMainThread && workerData?.fanoutSandbox) {
  main(workerData.fanoutSandbox as FanoutSandboxOptions).catch(error => {
    parentPort!.postMessage({ error: String(error?.stack ?? error) });
  });
}
