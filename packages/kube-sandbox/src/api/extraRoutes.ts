import type { ServerResponse } from 'node:http';
import type { SandboxCluster, SandboxRoute } from '../cluster/types';
import { sendJson, sendJsonText, type Query } from './http';

interface CompiledRoute {
  route: SandboxRoute;
  segments: string[];
  /** Literal segments count; more literal wins when two routes match. */
  literals: number;
}

export interface RouteMatch {
  route: SandboxRoute;
  params: Record<string, string>;
}

/** Matches cluster-relative paths against the simulation's `SandboxRoute`s (`:name` segments). */
export class ExtraRoutes {
  readonly #routes: CompiledRoute[];

  constructor(routes: readonly SandboxRoute[]) {
    this.#routes = routes
      .map(route => {
        const segments = route.path.split('/').filter(Boolean);
        return {
          route,
          segments,
          literals: segments.filter(s => !s.startsWith(':')).length,
        };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  match(path: string): RouteMatch | undefined {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    for (const { route, segments } of this.#routes) {
      if (segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = segments.every((segment, i) => {
        if (segment.startsWith(':')) {
          params[segment.slice(1)] = parts[i];
          return true;
        }
        return segment === parts[i];
      });
      if (ok) return { route, params };
    }
    return undefined;
  }
}

/** Answers a GET with the matched route's result: JSON, or text in the route's content type. */
export async function respondWithRoute(
  res: ServerResponse,
  match: RouteMatch,
  query: Query,
  cluster: SandboxCluster,
): Promise<void> {
  const body = await match.route.handle({
    params: match.params,
    query,
    cluster,
  });
  if (match.route.contentType) {
    sendJsonText(res, 200, String(body), match.route.contentType);
  } else {
    sendJson(res, 200, body);
  }
}
