import type { HeaderRoute } from './types';

/** @public Stands for the service's name in a template's Service and route names. */
export const SERVICE_PLACEHOLDER = '{service}';

/** @public One step of an Argo Rollouts canary, as `spec.strategy.canary.steps[]` takes it. */
export type CanaryStepSpec =
  | { setWeight: number }
  | { pause: { duration?: string } }
  | { setHeaderRoute: HeaderRoute }
  | {
      setCanaryScale: {
        weight?: number;
        replicas?: number;
        matchTrafficWeight?: boolean;
      };
    };

/** @public Argo Rollouts' `spec.strategy`, for the strategies the templates use. */
export type RolloutStrategySpec =
  | {
      canary: {
        canaryService: string;
        stableService: string;
        maxSurge?: string | number;
        maxUnavailable?: string | number;
        trafficRouting?: {
          managedRoutes?: Array<{ name: string }>;
          istio?: { virtualService: { name: string; routes: string[] } };
        };
        steps: CanaryStepSpec[];
      };
    }
  | {
      blueGreen: {
        activeService: string;
        previewService: string;
        autoPromotionEnabled: boolean;
        autoPromotionSeconds?: number;
        scaleDownDelaySeconds: number;
      };
    };

/**
 * @public
 * A deployment strategy a service can be created with: Argo Rollouts'
 * `spec.strategy` as data, its names written with {@link SERVICE_PLACEHOLDER}.
 */
export type RolloutStrategyTemplate = {
  id: string;
  title: string;
  description: string;
  /** The value of the `meschain.io/deployment-strategy` annotation it gives. */
  strategy: 'blue-green' | 'canary' | 'ab';
  spec: RolloutStrategySpec;
  /** Argo's `spec.rollbackWindow`: a rollback to one of the last `revisions` skips the steps. */
  rollbackWindow?: { revisions: number };
};

const service = SERVICE_PLACEHOLDER;

/** @public The platform's rollout strategies, next to its scaling presets. */
export const ROLLOUT_STRATEGY_TEMPLATES: readonly RolloutStrategyTemplate[] = [
  {
    id: 'blue-green',
    title: 'Blue-green',
    description:
      'Runs the new version beside the old behind a preview service, switches all traffic at once when promoted, and keeps the old version for 30 s to roll back to without downtime.',
    strategy: 'blue-green',
    spec: {
      blueGreen: {
        activeService: service,
        previewService: `${service}-preview`,
        autoPromotionEnabled: false,
        scaleDownDelaySeconds: 30,
      },
    },
  },
  {
    id: 'canary-10-25-50-100',
    title: 'Canary 10 → 25 → 50 → 100 %',
    description:
      'Sends 10 % of traffic to the new version and waits for a promote, then 25 % and 50 % with five minutes to watch each, then all of it. A rollback to one of the last three revisions skips the steps.',
    strategy: 'canary',
    rollbackWindow: { revisions: 3 },
    spec: {
      canary: {
        canaryService: `${service}-canary`,
        stableService: service,
        maxSurge: '25%',
        maxUnavailable: 0,
        steps: [
          { setWeight: 10 },
          { pause: {} },
          { setWeight: 25 },
          { pause: { duration: '5m' } },
          { setWeight: 50 },
          { pause: { duration: '5m' } },
          { setWeight: 100 },
        ],
      },
    },
  },
  {
    id: 'ab-header',
    title: 'A/B by header',
    description:
      'Runs one pod of the new version and routes requests carrying X-MesChain-Variant: b to it, until promoted; then removes the route and shifts traffic to it.',
    strategy: 'ab',
    rollbackWindow: { revisions: 3 },
    spec: {
      canary: {
        canaryService: `${service}-canary`,
        stableService: service,
        trafficRouting: {
          managedRoutes: [{ name: 'variant-b' }],
          istio: { virtualService: { name: service, routes: ['primary'] } },
        },
        steps: [
          { setCanaryScale: { replicas: 1 } },
          {
            setHeaderRoute: {
              name: 'variant-b',
              match: [
                {
                  headerName: 'X-MesChain-Variant',
                  headerValue: { exact: 'b' },
                },
              ],
            },
          },
          { pause: {} },
          { setHeaderRoute: { name: 'variant-b' } },
          { setCanaryScale: { matchTrafficWeight: true } },
          { setWeight: 50 },
          { pause: { duration: '2m' } },
        ],
      },
    },
  },
];
