import type { KubeClient } from '../kubeClient';
import {
  fixReplicas,
  observeRollout,
  promoteRollout,
  promoteRolloutFully,
  ROLLOUTS,
  rolloutHealthy,
  setRolloutImage,
  settle,
  type DifferentialScenario,
  type RolloutObservation,
  type ScenarioContext,
} from './helpers';

const NAME = 'product-service';
const IMAGE = 'meschain/product-service';
const SERVICES = [NAME, `${NAME}-canary`];

const pausedAt =
  (step: number) =>
  (observed: RolloutObservation): boolean =>
    observed.phase === 'Paused' && observed.currentStepIndex === step;

/** The Istio VirtualService the Rollout routes through, as far as routing goes. */
async function observeVirtualService(client: KubeClient, namespace: string) {
  const { status, body } = await client.request(
    'GET',
    `/apis/networking.istio.io/v1alpha3/namespaces/${namespace}/virtualservices/${NAME}`,
  );
  return status === 200 ? { http: body.spec?.http } : { httpStatus: status };
}

async function takeToHeaderRoute(
  client: KubeClient,
  context: ScenarioContext,
  tag: string,
) {
  const { namespace } = context;
  const observe = () => observeRollout(client, namespace, NAME, SERVICES);
  await fixReplicas(
    client,
    context,
    { collection: ROLLOUTS(namespace), name: NAME, replicas: 3 },
    ro =>
      ro.status?.phase === 'Healthy' &&
      ro.status?.availableReplicas === 3 &&
      ro.status?.replicas === 3,
  );
  // setCanaryScale 1, then setHeaderRoute, then the indefinite pause.
  const setImage = await setRolloutImage(
    client,
    namespace,
    NAME,
    `${IMAGE}:${tag}`,
  );
  const atHeaderRoute = await settle(context, observe, { until: pausedAt(2) });
  return { setImage, atHeaderRoute, observe };
}

export const HEADER_ROUTING_SCENARIOS: DifferentialScenario[] = [
  {
    name: 'A/B by header (Istio, managed routes): the Rollout through setHeaderRoute, setWeight and promote --full',
    budgetMs: 300_000,
    async run(client, context) {
      const { namespace } = context;
      const { setImage, atHeaderRoute, observe } = await takeToHeaderRoute(
        client,
        context,
        '3.2.0',
      );
      // promote: setWeight 50, then a 120 s pause.
      const promote = await promoteRollout(client, namespace, NAME);
      const atWeight = await settle(context, observe, { until: pausedAt(4) });
      // promote --full: the remaining pause skipped, the canary becomes stable.
      const promoteFull = await promoteRolloutFully(client, namespace, NAME);
      const promoted = await settle(context, observe, {
        until: rolloutHealthy(`${IMAGE}:3.2.0`),
      });
      return {
        answers: { setImage, promote, promoteFull },
        atHeaderRoute,
        atWeight,
        promoted,
      };
    },
  },
];

/** The VirtualService's routes over the same steps: the sandbox has no Istio resources. */
export const HEADER_ROUTING_VIRTUAL_SERVICE: DifferentialScenario = {
  name: "A/B by header (Istio, managed routes): the VirtualService's http routes",
  budgetMs: 300_000,
  async run(client, context) {
    const { namespace } = context;
    const before = await observeVirtualService(client, namespace);
    const { observe } = await takeToHeaderRoute(client, context, '3.3.0');
    const atHeaderRoute = await observeVirtualService(client, namespace);
    await promoteRolloutFully(client, namespace, NAME);
    await settle(context, observe, { until: rolloutHealthy(`${IMAGE}:3.3.0`) });
    const promoted = await observeVirtualService(client, namespace);
    return { before, atHeaderRoute, promoted };
  },
};
