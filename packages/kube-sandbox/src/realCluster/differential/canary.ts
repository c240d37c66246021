import {
  fixRolloutReplicas,
  observeRollout,
  patchRolloutStatus,
  promoteRollout,
  promoteRolloutFully,
  rolloutHealthy,
  setRolloutImage,
  settle,
  undoRollout,
  type DifferentialScenario,
  type RolloutObservation,
} from './helpers';

const NAME = 'monitoring-service';
const IMAGE = 'meschain/monitoring-service';
const SERVICES = [NAME, `${NAME}-canary`];

/** Paused at a step: the settled state after an update or a promote. */
const pausedAt =
  (step: number) =>
  (observed: RolloutObservation): boolean =>
    observed.phase === 'Paused' && observed.currentStepIndex === step;

export const CANARY_SCENARIOS: DifferentialScenario[] = [
  {
    name: 'canary Rollout: steps, promote, promote --full, abort, retry and undo',
    budgetMs: 600_000,
    async run(client, context) {
      const { namespace } = context;
      const observe = () => observeRollout(client, namespace, NAME, SERVICES);
      await fixRolloutReplicas(client, context, NAME, 5);
      const initial = await observe();

      // setWeight 20, then the indefinite pause.
      const setImage = await setRolloutImage(
        client,
        namespace,
        NAME,
        `${IMAGE}:1.4.0`,
      );
      const atFirstPause = await settle(context, observe, {
        until: pausedAt(1),
      });

      // promote: setWeight 50, then a 60 s pause.
      const promote = await promoteRollout(client, namespace, NAME);
      const atTimedPause = await settle(context, observe, {
        until: pausedAt(3),
      });

      // The 60 s pause ends by itself: setWeight 80, then the next 60 s pause.
      const afterTimedPause = await settle(context, observe, {
        until: pausedAt(5),
        timeoutMs: 120_000,
      });

      // promote --full: the rest of the steps skipped.
      const promoteFull = await promoteRolloutFully(client, namespace, NAME);
      const promotedFully = await settle(context, observe, {
        until: rolloutHealthy(`${IMAGE}:1.4.0`),
      });

      // A second update, aborted at its first pause, then retried.
      const setImageAgain = await setRolloutImage(
        client,
        namespace,
        NAME,
        `${IMAGE}:1.5.0`,
      );
      await settle(context, observe, { until: pausedAt(1) });
      const abort = await patchRolloutStatus(client, namespace, NAME, {
        abort: true,
      });
      const aborted = await settle(context, observe, {
        until: observed => observed.phase === 'Degraded',
      });
      const retry = await patchRolloutStatus(client, namespace, NAME, {
        abort: false,
      });
      const retried = await settle(context, observe, { until: pausedAt(1) });

      // undo: back to the stable revision, which skips the steps.
      const undo = await undoRollout(client, namespace, NAME);
      const undone = await settle(context, observe, {
        until: rolloutHealthy(`${IMAGE}:1.4.0`),
      });

      return {
        answers: {
          setImage,
          promote,
          promoteFull,
          setImageAgain,
          abort,
          retry,
          undo,
        },
        initial,
        atFirstPause,
        atTimedPause,
        afterTimedPause,
        promotedFully,
        aborted,
        retried,
        undone,
      };
    },
  },
];
