import type {
  IncomingMessage,
  RequestListener,
  ServerResponse,
} from 'node:http';
import type { FaultInjector } from '../faults';
import { statusErrors } from '../status';
import { handleAdmin, type AdminTarget } from './admin';
import { authenticate } from './auth';
import type { ClusterApi } from './ClusterApi';
import { parseQuery, sendStatus, toStatus } from './http';

export const CLUSTERS_PREFIX = '/clusters/';
const ADMIN_PREFIX = '/_sandbox/';

export interface SandboxRoutes {
  apis: ReadonlyMap<string, ClusterApi>;
  faults: FaultInjector;
  admin: AdminTarget;
}

/**
 * The process's one request handler: `/_sandbox/…` to the admin endpoints, `/clusters/<name>/…`
 * through the cluster's injected fault and bearer-token check to its API. Anything thrown
 * becomes a Status response.
 */
export function createSandboxRouter(routes: SandboxRoutes): RequestListener {
  return (req, res) => {
    route(routes, req, res).catch(error => sendStatus(res, toStatus(error)));
  };
}

async function route(
  { apis, faults, admin }: SandboxRoutes,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  if (url.pathname.startsWith(ADMIN_PREFIX)) {
    await handleAdmin(
      req,
      res,
      url.pathname.slice(ADMIN_PREFIX.length - 1),
      admin,
    );
    return;
  }
  if (!url.pathname.startsWith(CLUSTERS_PREFIX))
    throw statusErrors.pathNotFound();
  const rest = url.pathname.slice(CLUSTERS_PREFIX.length);
  const slash = rest.indexOf('/');
  const name = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
  const path = slash < 0 ? '/' : rest.slice(slash);
  const api = apis.get(name);
  if (!api) throw statusErrors.pathNotFound();

  const method = req.method ?? 'GET';
  const fault = faults.get(name);
  if (fault.mode === 'down') {
    req.socket.destroy();
    return;
  }
  if (fault.mode === 'slow') {
    await new Promise(resolve => setTimeout(resolve, fault.delayMs));
  }
  if (!api.isPublic(method, path)) authenticate(req, api.cluster.token);
  if (fault.mode === 'error500') {
    throw statusErrors.internal(
      'the sandbox was told to fail (fault injection)',
    );
  }
  if (fault.mode === 'forbidden') {
    throw statusErrors.forbidden(
      { resource: 'resources', group: '' },
      undefined,
      method.toLowerCase(),
      'sandbox-user',
      'fault injection',
    );
  }
  await api.handle(
    req,
    res,
    path,
    parseQuery(url.searchParams),
    req.headers.host ?? '',
  );
}
