import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClusterSimulation, SandboxCluster } from '../cluster/types';
import { statusErrors } from '../status';
import {
  aggregatedDiscoveryVersion,
  DiscoveryDocument,
  SERVER_VERSION,
} from './discovery';
import { ExtraRoutes, respondWithRoute } from './extraRoutes';
import { parseAccept, sendJson, sendJsonText, type Query } from './http';
import { OpenApiDocuments } from './openapi';
import { parseApiPath } from './paths';
import { routeResourceRequest } from './resourceRouter';
import { ServiceIpAllocator } from './strategy';

export interface ClusterApiOptions {
  /** Serve aggregated discovery (`apidiscovery.k8s.io/v2`) when asked; off answers with the legacy documents. */
  aggregatedDiscovery?: boolean;
}

const openApi = new OpenApiDocuments();

/** The Kubernetes API of one cluster, for paths relative to the cluster's base URL. */
export class ClusterApi {
  readonly #cluster: SandboxCluster;
  readonly #discovery: DiscoveryDocument;
  readonly #routes: ExtraRoutes;
  readonly #allocator = new ServiceIpAllocator();
  readonly #aggregatedDiscovery: boolean;

  constructor(
    cluster: SandboxCluster,
    simulation: Pick<ClusterSimulation, 'routes' | 'discovery'>,
    options: ClusterApiOptions = {},
  ) {
    this.#cluster = cluster;
    this.#discovery = new DiscoveryDocument(simulation.discovery);
    this.#routes = new ExtraRoutes(simulation.routes);
    this.#aggregatedDiscovery = options.aggregatedDiscovery ?? true;
  }

  get cluster(): SandboxCluster {
    return this.#cluster;
  }

  /** The service IP allocator, shared with seeding so that addresses never collide. */
  get allocator(): ServiceIpAllocator {
    return this.#allocator;
  }

  /** Whether a GET of this path skips bearer-token authentication (public simulation routes). */
  isPublic(method: string, path: string): boolean {
    return method === 'GET' && this.#routes.match(path)?.route.public === true;
  }

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: Query,
    serverAddress: string,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const accept = parseAccept(req.headers.accept);

    if (method === 'GET') {
      const extra = this.#routes.match(path);
      if (extra) {
        await respondWithRoute(res, extra, query, this.#cluster);
        return;
      }
      if (this.#serveDiscovery(res, path, accept, serverAddress)) return;
    }

    const parsed = parseApiPath(path);
    if (parsed.type === 'resource') {
      await routeResourceRequest({
        cluster: this.#cluster,
        allocator: this.#allocator,
        req,
        res,
        path: parsed.resource,
        query,
        accept,
      });
      return;
    }
    if (parsed.type === 'groupVersion' && method === 'GET') {
      const list = this.#discovery.resourceList(parsed.group, parsed.version);
      if (list) {
        sendJson(res, 200, list);
        return;
      }
    }
    throw statusErrors.pathNotFound();
  }

  #serveDiscovery(
    res: ServerResponse,
    path: string,
    accept: ReturnType<typeof parseAccept>,
    serverAddress: string,
  ): boolean {
    const normalized = path.replace(/\/+$/, '') || '/';
    switch (normalized) {
      case '/version':
        sendJson(res, 200, SERVER_VERSION);
        return true;
      case '/healthz':
      case '/livez':
      case '/readyz':
        sendJsonText(res, 200, 'ok', 'text/plain; charset=utf-8');
        return true;
      case '/api':
      case '/apis': {
        const core = normalized === '/api';
        const version = this.#aggregatedDiscovery
          ? aggregatedDiscoveryVersion(accept)
          : undefined;
        if (version) {
          const apiVersion = `apidiscovery.k8s.io/${version}`;
          sendJson(
            res,
            200,
            this.#discovery.aggregated(core, apiVersion),
            `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`,
          );
        } else {
          sendJson(
            res,
            200,
            core
              ? this.#discovery.apiVersions(serverAddress)
              : this.#discovery.apiGroupList(),
          );
        }
        return true;
      }
      default: {
        if (!normalized.startsWith('/openapi/v3')) return false;
        const document = openApi.document(
          normalized.slice('/openapi/v3'.length),
        );
        if (!document) return false;
        sendJsonText(res, 200, document);
        return true;
      }
    }
  }
}
