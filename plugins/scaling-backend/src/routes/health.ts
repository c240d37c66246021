import { EntityHealthService } from '../services/Health';
import { RouteCallers, ScalingRouter } from './types';

/** A service's golden signals, SLO and health checks. */
export function addHealthRoutes(
  router: ScalingRouter,
  options: { callers: RouteCallers; health: EntityHealthService },
) {
  const { callers, health } = options;

  router.get('/entities/:kind/:namespace/:name/health', async (req, res) => {
    const credentials = await callers.reader(req);
    res.json(
      await health.getHealth(req.params, {
        credentials,
        window: req.query.window,
      }),
    );
  });

  router.get(
    '/entities/:kind/:namespace/:name/health/checks',
    async (req, res) => {
      const credentials = await callers.reader(req);
      res.json(
        await health.getChecks(req.params, {
          credentials,
          region: req.query.region,
        }),
      );
    },
  );
}
