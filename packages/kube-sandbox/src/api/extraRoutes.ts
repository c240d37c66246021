import type { SandboxRoute } from '../cluster/types';

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
