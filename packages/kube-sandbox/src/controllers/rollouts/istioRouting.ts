import type { CanaryStep, Rollout } from '../kinds';

/**
 * What a traffic-routed canary asks of its Istio VirtualServices in one sync, as Argo Rollouts'
 * `reconcileTrafficRouting` does: managed routes removed (a rollout that is promoted, aborted,
 * fully promoted or has no canary pod available), the current setHeaderRoute step's route set,
 * and the weights of the named routes.
 */
export interface IstioRoutingPlan {
  /** The canary's weight, the one `status.canary.weights` records. */
  canaryWeight: number;
  removeManagedRoutes: boolean;
  headerRoute?: CanaryStep['setHeaderRoute'];
}

/** An Istio `HTTPRoute`, as far as routing by weight and header goes. */
export interface HttpRoute {
  name?: string;
  match?: unknown[];
  route?: { destination?: { host?: string }; weight?: number }[];
  [field: string]: unknown;
}

interface IstioVirtualServiceRef {
  name: string;
  routes?: string[];
}

interface IstioTrafficRouting {
  virtualService?: IstioVirtualServiceRef;
  virtualServices?: IstioVirtualServiceRef[];
}

function istioOf(rollout: Rollout): IstioTrafficRouting | undefined {
  return rollout.spec.strategy.canary?.trafficRouting?.istio as
    | IstioTrafficRouting
    | undefined;
}

/** The VirtualServices a Rollout routes through: `name` or `name.namespace`, and their route names. */
export function virtualServicesOf(
  rollout: Rollout,
): { namespace: string; name: string; routes?: string[] }[] {
  const istio = istioOf(rollout);
  const refs =
    istio?.virtualServices ??
    (istio?.virtualService ? [istio.virtualService] : []);
  return refs.map(ref => {
    const [name, namespace] = ref.name.split('.', 2);
    return {
      name,
      namespace: namespace || rollout.metadata.namespace!,
      routes: ref.routes,
    };
  });
}

/** A host's service name: `product-service.shop.svc.cluster.local` is `product-service` (`getHost`). */
function serviceOf(host: string | undefined): string | undefined {
  return host?.split('.')[0] || undefined;
}

/** The header route a setHeaderRoute step adds (`createHeaderRoute`): its matches to the canary. */
function headerRoute(
  step: NonNullable<CanaryStep['setHeaderRoute']>,
  canaryService: string,
): HttpRoute {
  return {
    name: step.name,
    match: (step.match ?? []).map(({ headerName, headerValue }) => ({
      headers: {
        [headerName]: Object.fromEntries(
          ['exact', 'regex', 'prefix']
            .filter(key => headerValue[key])
            .map(key => [key, headerValue[key]]),
        ),
      },
    })),
    route: [{ destination: { host: canaryService }, weight: 100 }],
  };
}

/**
 * A VirtualService's http routes after one sync: `RemoveManagedRoutes`, then `SetHeaderRoute`
 * (managed routes first, in `managedRoutes` order, as `orderRoutes` puts them), then `SetWeight`
 * on the named routes (or the only one), whose stable destination gets 100 minus the canary's
 * weight.
 */
export function routedHttp(
  http: readonly HttpRoute[],
  rollout: Rollout,
  routeNames: readonly string[] | undefined,
  plan: IstioRoutingPlan,
): HttpRoute[] {
  const canary = rollout.spec.strategy.canary!;
  const managed = (
    (canary.trafficRouting?.managedRoutes ?? []) as {
      name: string;
    }[]
  ).map(route => route.name);
  let routes = http.map(route => structuredClone(route));

  if (plan.removeManagedRoutes) {
    const stepRoutes = (canary.steps ?? []).flatMap(step =>
      step.setHeaderRoute?.name ? [step.setHeaderRoute.name] : [],
    );
    const removed = new Set([...stepRoutes, ...managed]);
    routes = routes.filter(route => !route.name || !removed.has(route.name));
  }

  if (plan.headerRoute?.name) {
    const { name } = plan.headerRoute;
    routes = routes.filter(route => route.name !== name);
    if (plan.headerRoute.match)
      routes.push(headerRoute(plan.headerRoute, canary.canaryService ?? ''));
    const isManaged = (route: HttpRoute) =>
      !!route.name && managed.includes(route.name);
    routes = [
      ...managed.flatMap(routeName =>
        routes.filter(route => route.name === routeName),
      ),
      ...routes.filter(route => !isManaged(route)),
    ];
  }

  const weighted = routeNames?.length
    ? routes.filter(route => route.name && routeNames.includes(route.name))
    : routes.slice(0, routes.length === 1 ? 1 : 0);
  for (const route of weighted) {
    for (const destination of route.route ?? []) {
      const service = serviceOf(destination.destination?.host);
      if (service === canary.canaryService)
        destination.weight = plan.canaryWeight;
      else if (service === canary.stableService)
        destination.weight = Math.max(0, 100 - plan.canaryWeight);
    }
  }
  return routes;
}
