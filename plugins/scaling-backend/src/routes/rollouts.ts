import { RolloutService } from '../services/Rollouts';
import { RouteCallers, ScalingRouter } from './types';

/** `GET .../rollouts` and `POST .../rollouts/actions`. */
export function addRolloutRoutes(
  router: ScalingRouter,
  options: { rollouts: RolloutService; callers: RouteCallers },
) {
  const { rollouts, callers } = options;

  router.get('/entities/:kind/:namespace/:name/rollouts', async (req, res) => {
    const credentials = await callers.reader(req);
    res.json(await rollouts.getRolloutState(req.params, { credentials }));
  });

  router.post(
    '/entities/:kind/:namespace/:name/rollouts/actions',
    async (req, res) => {
      res.json(
        await rollouts.act(req.params, req.body, await callers.writer(req)),
      );
    },
  );
}
