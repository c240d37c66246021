import type { RequestListener } from 'node:http';
import { DiscoveryDocument } from '../api/discovery';
import { ExtraRoutes, respondWithRoute } from '../api/extraRoutes';
import {
  parseQuery,
  sendJson,
  sendJsonText,
  sendStatus,
  toStatus,
} from '../api/http';
import type {
  DiscoveryGroup,
  SandboxCluster,
  SandboxRoute,
} from '../cluster/types';
import { statusErrors } from '../status';

export interface AdapterRouterOptions {
  cluster: SandboxCluster;
  routes: readonly SandboxRoute[];
  discovery: readonly DiscoveryGroup[];
}

/**
 * The OpenAPI documents the aggregator downloads from every APIService. It accepts a 404, but
 * then logs a failure and retries with backoff for as long as it runs; empty documents end that.
 */
const OPENAPI_DOCUMENTS: Readonly<Record<string, unknown>> = {
  '/openapi/v2': {
    swagger: '2.0',
    info: { title: 'MesChain metrics adapter', version: 'v1' },
    paths: {},
  },
  '/openapi/v3': { paths: {} },
};

const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);

/**
 * Serves a cluster's telemetry routes as an API extension: the metrics APIs with their
 * `/apis/<group>/<version>` discovery (the aggregator marks an APIService Available once that
 * answers 200), OpenCost and Prometheus. Each route is served at the root, as the aggregator
 * proxies them, and under `/clusters/<name>` as the sandbox serves them.
 *
 * Requests are not authenticated. The aggregator sends them with its front-proxy client
 * certificate and `X-Remote-User`/`X-Remote-Group` headers, which a production adapter checks
 * against the request-header CA; this one listens on the loopback address by default and serves
 * only synthetic figures.
 */
export function createAdapterRouter(
  options: AdapterRouterOptions,
): RequestListener {
  const routes = new ExtraRoutes(options.routes);
  const discovery = new DiscoveryDocument(options.discovery, {
    builtIns: false,
  });
  const clusterPrefix = `/clusters/${encodeURIComponent(options.cluster.name)}`;

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'https://adapter');
    const path = withoutPrefix(url.pathname, clusterPrefix);
    const normalized = path.replace(/\/+$/, '') || '/';
    const answer = async () => {
      if (req.method !== 'GET') throw statusErrors.methodNotAllowed();
      const match = routes.match(path);
      if (match) {
        await respondWithRoute(
          res,
          match,
          parseQuery(url.searchParams),
          options.cluster,
        );
        return;
      }
      const groupVersion = /^\/apis\/([^/]+)\/([^/]+)$/.exec(normalized);
      const resourceList =
        groupVersion &&
        discovery.resourceList(groupVersion[1], groupVersion[2]);
      if (resourceList) {
        sendJson(res, 200, resourceList);
        return;
      }
      if (normalized in OPENAPI_DOCUMENTS) {
        sendJson(res, 200, OPENAPI_DOCUMENTS[normalized]);
        return;
      }
      if (HEALTH_PATHS.has(normalized)) {
        sendJsonText(res, 200, 'ok', 'text/plain; charset=utf-8');
        return;
      }
      throw statusErrors.pathNotFound();
    };
    answer().catch(error => sendStatus(res, toStatus(error)));
  };
}

function withoutPrefix(path: string, prefix: string): string {
  if (path === prefix) return '/';
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path;
}
