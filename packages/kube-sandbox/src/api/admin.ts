import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  FAULT_MODES,
  type Fault,
  type FaultInjector,
  type FaultMode,
} from '../faults';
import type { SimClock } from '../clock';
import type { SandboxCluster } from '../cluster/types';
import type { LoadModel } from '../load';
import { statusErrors } from '../status';
import { RESOURCES } from '../store/resources';
import { authenticate } from './auth';
import { parseObjectBody, readBody, sendJson } from './http';
import { parseServiceFault } from './serviceFault';

/** What the admin endpoints act on. */
export interface AdminTarget {
  adminToken: string;
  clusters: ReadonlyMap<string, SandboxCluster>;
  /** Each cluster's load model; absent when its simulation has none (e.g. an inert one). */
  loadModel(cluster: string): LoadModel | undefined;
  faults: FaultInjector;
  clock: SimClock;
  clusterUrl(name: string): string;
  advance(ms: number): void;
}

/**
 * `/_sandbox/…`, behind the admin token:
 * - `GET clusters`: names, regions, roles, URLs and faults;
 * - `POST clusters/<name>/fault` `{ mode, delayMs? }`: inject a fault into the cluster's API
 *   (`mode: none` clears it);
 * - `POST clusters/<name>/services/<service>/fault` `{ errorRatio?, latencyFactor? }`: make a
 *   service fail or slow down in its load model, so its metrics and HPA see it (`{}` clears it);
 * - `GET clock`, `POST clock/advance` `{ ms }`: read or move simulated time;
 * - `GET stats`: the process's memory and each cluster's object counts.
 */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  target: AdminTarget,
): Promise<void> {
  authenticate(req, target.adminToken);
  const segments = path.split('/').filter(Boolean);
  const method = req.method ?? 'GET';

  if (method === 'GET' && segments.length === 1 && segments[0] === 'clusters') {
    sendJson(res, 200, {
      clusters: [...target.clusters.values()].map(c => ({
        name: c.name,
        region: c.region,
        role: c.role,
        namespace: c.spec.namespace,
        server: target.clusterUrl(c.name),
        fault: target.faults.get(c.name),
        serviceFaults: Object.fromEntries(
          target.loadModel(c.name)?.faultsAt(target.clock.now()) ?? [],
        ),
      })),
    });
    return;
  }
  if (
    method === 'POST' &&
    segments.length === 3 &&
    segments[0] === 'clusters' &&
    segments[2] === 'fault'
  ) {
    const name = segments[1];
    if (!target.clusters.has(name))
      throw statusErrors.notFound(
        { resource: 'clusters', group: 'sandbox' },
        name,
      );
    const body = parseObjectBody(
      await readBody(req),
      req.headers['content-type'],
    ) as Partial<Fault>;
    if (!FAULT_MODES.includes(body.mode as FaultMode)) {
      throw statusErrors.badRequest(
        `mode must be one of ${FAULT_MODES.join(', ')}`,
      );
    }
    target.faults.set(name, {
      mode: body.mode as FaultMode,
      delayMs: body.delayMs,
    });
    sendJson(res, 200, { cluster: name, fault: target.faults.get(name) });
    return;
  }
  if (
    method === 'POST' &&
    segments.length === 5 &&
    segments[0] === 'clusters' &&
    segments[2] === 'services' &&
    segments[4] === 'fault'
  ) {
    const [, name, , service] = segments.map(decodeURIComponent);
    const cluster = target.clusters.get(name);
    if (!cluster)
      throw statusErrors.notFound(
        { resource: 'clusters', group: 'sandbox' },
        name,
      );
    if (!cluster.spec.services.some(s => s.name === service))
      throw statusErrors.notFound(
        { resource: 'services', group: 'sandbox' },
        service,
      );
    const load = target.loadModel(name);
    if (!load)
      throw statusErrors.badRequest(
        `cluster "${name}" runs no load model to inject a fault into`,
      );
    const fault = parseServiceFault(
      parseObjectBody(await readBody(req), req.headers['content-type']),
    );
    load.setFault(service, target.clock.now(), fault);
    sendJson(res, 200, { cluster: name, service, fault: fault ?? null });
    return;
  }
  if (method === 'GET' && segments.length === 1 && segments[0] === 'stats') {
    sendJson(res, 200, {
      memory: process.memoryUsage(),
      clusters: Object.fromEntries(
        [...target.clusters.values()].map(c => [
          c.name,
          Object.fromEntries(
            RESOURCES.map(r => [r.key, c.store.list(r.key).items.length]),
          ),
        ]),
      ),
    });
    return;
  }
  if (segments[0] === 'clock') {
    if (method === 'POST' && segments[1] === 'advance') {
      const { ms } = parseObjectBody(
        await readBody(req),
        req.headers['content-type'],
      ) as { ms?: number };
      if (typeof ms !== 'number' || !(ms >= 0))
        throw statusErrors.badRequest('ms must be a non-negative number');
      target.advance(ms);
    }
    sendJson(res, 200, {
      now: new Date(target.clock.now()).toISOString(),
      speed: target.clock.speed,
    });
    return;
  }
  throw statusErrors.pathNotFound();
}
