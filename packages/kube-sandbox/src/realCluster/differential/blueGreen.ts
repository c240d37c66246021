import {
  fixRolloutReplicas,
  observeRollout,
  promoteRollout,
  rolloutHealthy,
  setRolloutImage,
  settle,
  type DifferentialScenario,
} from './helpers';

const NAME = 'user-service';
const IMAGE = 'meschain/user-service';
const SERVICES = [NAME, `${NAME}-preview`];

export const BLUE_GREEN_SCENARIOS: DifferentialScenario[] = [
  {
    name: 'blue-green Rollout: preview, promote, and the old ReplicaSet scaled down after the delay',
    budgetMs: 300_000,
    async run(client, context) {
      const { namespace } = context;
      const observe = () => observeRollout(client, namespace, NAME, SERVICES);
      await fixRolloutReplicas(client, context, NAME, 3);

      // The new ReplicaSet comes up behind the preview Service and waits for a promotion.
      const setImage = await setRolloutImage(
        client,
        namespace,
        NAME,
        `${IMAGE}:2.5.0`,
      );
      const preview = await settle(context, observe, {
        until: observed =>
          observed.phase === 'Paused' &&
          observed.pauseConditions?.includes('BlueGreenPause') === true,
      });

      // promote: the active Service switches; the old ReplicaSet gets its scale-down deadline.
      const promote = await promoteRollout(client, namespace, NAME);
      const promoted = await settle(context, observe, {
        until: rolloutHealthy(`${IMAGE}:2.5.0`),
      });

      // scaleDownDelaySeconds (30) later, the old ReplicaSet is gone to zero.
      const scaledDown = await settle(context, observe, {
        until: observed =>
          observed.replicaSets.every(
            rs => rs.image === `${IMAGE}:2.5.0` || rs.replicas === 0,
          ),
        timeoutMs: 90_000,
      });

      return {
        answers: { setImage, promote },
        preview,
        promoted,
        scaledDown,
      };
    },
  },
];
