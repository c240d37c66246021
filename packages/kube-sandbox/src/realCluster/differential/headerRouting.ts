import type { KubeClient } from '../kubeClient';
import {
  fixRolloutReplicas,
  observeRollout,
  promoteRollout,
  promoteRolloutFully,
  rolloutHealthy,
  setRolloutImage,
  settle,
  type DifferentialScenario,
  type RolloutObservation,
} from './helpers';

const NAME = 'product-service';
const IMAGE = 'meschain/product-service';
const SERVICES = [NAME, `${NAME}-canary`];

/** The Istio VirtualService the Rollout routes through, as far as routing goes. */
async function observeVirtualService(client: KubeClient, namespace: string) {
  const { status, body } = await client.request(
    'GET',
    `/apis/networking.istio.io/v1alpha3/namespaces/${namespace}/virtualservices/${NAME}`,
  );
  return status === 200
    ? { hosts: body.spec?.hosts, http: body.spec?.http }
    : { httpStatus: status };
}

async function observe(client: KubeClient, namespace: string) {
  return {
    rollout: await observeRollout(client, namespace, NAME, SERVICES),
    virtualService: await observeVirtualService(client, namespace),
  };
}

type Observation = Awaited<ReturnType<typeof observe>>;

const pausedAt =
  (step: number) =>
  ({ rollout }: Observation): boolean =>
    rollout.phase === 'Paused' && rollout.currentStepIndex === step;

const healthy =
  (image: string) =>
  ({ rollout }: { rollout: RolloutObservation }) =>
    rolloutHealthy(image)(rollout);

export const HEADER_ROUTING_SCENARIOS: DifferentialScenario[] = [
  {
    name: 'A/B by header (Istio, managed routes): the Rollout and its VirtualService through setHeaderRoute, setWeight and promote --full',
    budgetMs: 300_000,
    async run(client, context) {
      const { namespace } = context;
      const look = () => observe(client, namespace);
      await fixRolloutReplicas(client, context, NAME, 3);
      const initial = await look();

      // setCanaryScale 1, then setHeaderRoute, then the indefinite pause.
      const setImage = await setRolloutImage(
        client,
        namespace,
        NAME,
        `${IMAGE}:3.2.0`,
      );
      const atHeaderRoute = await settle(context, look, {
        until: pausedAt(2),
      });

      // promote: setWeight 50, then a 120 s pause.
      const promote = await promoteRollout(client, namespace, NAME);
      const atWeight = await settle(context, look, { until: pausedAt(4) });

      // promote --full: the remaining pause skipped, the canary becomes stable.
      const promoteFull = await promoteRolloutFully(client, namespace, NAME);
      const promoted = await settle(context, look, {
        until: healthy(`${IMAGE}:3.2.0`),
      });
      return {
        answers: { setImage, promote, promoteFull },
        initial,
        atHeaderRoute,
        atWeight,
        promoted,
      };
    },
  },
];
