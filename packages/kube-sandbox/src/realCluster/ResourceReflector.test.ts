import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimClock } from '../clock';
import { createRandom } from '../random';
import { MemoryObjectStore } from '../store/MemoryObjectStore';
import { ApiServerConnection } from './ApiServerConnection';
import { ResourceReflector } from './ResourceReflector';
import { StoreMirror } from './StoreMirror';

function pod(name: string, resourceVersion: string) {
  return {
    metadata: {
      name,
      namespace: 'shop',
      uid: `uid-${name}`,
      creationTimestamp: '2025-03-01T08:00:00Z',
      resourceVersion,
      labels: { 'app.kubernetes.io/name': 'web' },
    },
    spec: { containers: [{ name: 'web', image: 'web:1' }] },
    status: { phase: 'Running' },
  };
}

function list(items: unknown[], resourceVersion: string, next?: string) {
  return {
    kind: 'PodList',
    apiVersion: 'v1',
    metadata: { resourceVersion, ...(next ? { continue: next } : {}) },
    items,
  };
}

/** An API server that answers each request with the next step of a script, and records them. */
function scriptedApiServer(
  script: ((res: ServerResponse, url: URL) => void)[],
) {
  const requests: URL[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://api');
    requests.push(url);
    open.add(res);
    res.on('close', () => open.delete(res));
    const step = script.shift();
    if (step) step(res, url);
    // Past the script, a watch stays open and silent.
    else res.writeHead(200, { 'content-type': 'application/json' });
  });
  return {
    requests,
    listen: () =>
      new Promise<string>(resolve =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    close: () =>
      new Promise<void>(resolve => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}

const json = (res: ServerResponse, code: number, body: unknown) => {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const events = (res: ServerResponse, lines: unknown[], end: boolean) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  for (const line of lines) res.write(`${JSON.stringify(line)}\n`);
  if (end) res.end();
};

async function eventually(check: () => void, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }
}

describe('ResourceReflector', () => {
  const clock = new SimClock();
  let store: MemoryObjectStore;
  let reflector: ResourceReflector | undefined;
  let api: ReturnType<typeof scriptedApiServer> | undefined;
  const warnings: string[] = [];

  beforeEach(() => {
    store = new MemoryObjectStore({ clock, random: createRandom(1) });
    warnings.length = 0;
  });

  afterEach(async () => {
    await reflector?.stop();
    await api?.close();
  });

  async function start(script: Parameters<typeof scriptedApiServer>[0]) {
    api = scriptedApiServer(script);
    const url = await api.listen();
    reflector = new ResourceReflector({
      connection: new ApiServerConnection({ url, token: 't', caData: '' }),
      path: '/api/v1/pods',
      sink: new StoreMirror(store, 'pods'),
      logger: { warn: message => warnings.push(message) },
      minRetryMs: 10,
      maxRetryMs: 50,
    });
    reflector.start();
    return api;
  }

  const storedPods = () =>
    store.list('pods').items.map(p => [p.metadata.name, p.metadata.uid]);

  it('lists page by page, relists on 410 Gone and resumes watches that end', async () => {
    const server = await start([
      res => json(res, 200, list([pod('a', '3')], '10', 'page-2')),
      res => json(res, 200, list([pod('b', '5')], '10')),
      res =>
        events(
          res,
          [
            {
              type: 'ERROR',
              object: {
                kind: 'Status',
                code: 410,
                reason: 'Expired',
                message: 'too old resource version: 10 (15)',
              },
            },
          ],
          true,
        ),
      res => json(res, 200, list([pod('b', '5'), pod('c', '18')], '20')),
      res =>
        events(
          res,
          [
            { type: 'ADDED', object: { kind: 'Pod', ...pod('d', '21') } },
            {
              type: 'BOOKMARK',
              object: { kind: 'Pod', metadata: { resourceVersion: '25' } },
            },
          ],
          true,
        ),
      res =>
        events(
          res,
          [{ type: 'DELETED', object: { kind: 'Pod', ...pod('b', '26') } }],
          false,
        ),
    ]);
    await reflector!.synced;

    await eventually(() =>
      expect(storedPods()).toEqual([
        ['c', 'uid-c'],
        ['d', 'uid-d'],
      ]),
    );
    const sent = server.requests.map(url => [
      url.searchParams.get('watch') ? 'watch' : 'list',
      url.searchParams.get('continue') ??
        url.searchParams.get('resourceVersion') ??
        '',
    ]);
    expect(sent).toEqual([
      ['list', ''],
      ['list', 'page-2'],
      ['watch', '10'],
      ['list', ''],
      ['watch', '20'],
      ['watch', '25'],
    ]);
    expect(store.get('pods', 'shop', 'c')).toMatchObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { creationTimestamp: '2025-03-01T08:00:00Z' },
      status: { phase: 'Running' },
    });
    expect(warnings).toEqual([]);
  });

  it('counts a resource the server does not serve as empty, and asks again', async () => {
    const notFound = (res: ServerResponse) =>
      json(res, 404, { kind: 'Status', code: 404, message: 'not found' });
    const server = await start([
      notFound,
      notFound,
      res => json(res, 200, list([pod('a', '3')], '4')),
    ]);
    await reflector!.synced;
    expect(storedPods()).toEqual([]);
    await eventually(() => expect(storedPods()).toEqual([['a', 'uid-a']]));
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    expect(warnings).toEqual([
      '/api/v1/pods: not found; retrying',
      '/api/v1/pods: in step again',
    ]);
  });
});
