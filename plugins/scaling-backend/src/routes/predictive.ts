import { PredictiveScalingService } from '../services/Predictive';
import { RouteCallers, ScalingRouter } from './types';

const entityOf = (params: {
  kind: string;
  namespace: string;
  name: string;
}) => ({
  kind: params.kind,
  namespace: params.namespace,
  name: params.name,
});

/** A service's load forecast, and the predictive schedules of HPA minimums fitted to it. */
export function addPredictiveRoutes(
  router: ScalingRouter,
  options: { callers: RouteCallers; predictive: PredictiveScalingService },
) {
  const { callers, predictive } = options;

  router.get('/entities/:kind/:namespace/:name/forecast', async (req, res) => {
    const credentials = await callers.reader(req);
    res.json(
      await predictive.getForecast(
        entityOf(req.params),
        req.query.region,
        credentials,
      ),
    );
  });

  router.get(
    '/entities/:kind/:namespace/:name/predictive-schedule',
    async (req, res) => {
      const credentials = await callers.reader(req);
      res.json(
        await predictive.getSchedule(
          entityOf(req.params),
          req.query.region,
          credentials,
        ),
      );
    },
  );

  router.put(
    '/entities/:kind/:namespace/:name/predictive-schedule',
    async (req, res) => {
      const caller = await callers.writer(req);
      res.json(
        await predictive.applySchedule(
          entityOf(req.params),
          req.body.region,
          caller,
        ),
      );
    },
  );

  router.delete(
    '/entities/:kind/:namespace/:name/predictive-schedule',
    async (req, res) => {
      const caller = await callers.writer(req);
      await predictive.removeSchedule(
        entityOf(req.params),
        req.query.region,
        caller,
      );
      res.status(204).end();
    },
  );
}
