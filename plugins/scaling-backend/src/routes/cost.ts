import {
  CostBackfill,
  CostReports,
  CostStore,
  readCostWindow,
} from '../services/Cost';
import { AnyRequest, RouteCallers, ScalingRouter } from './types';

/** The cost views' reads, and the backfill that only `scaling.cost.backfill` may run. */
export function addCostRoutes(
  router: ScalingRouter,
  options: {
    callers: RouteCallers;
    reports: CostReports;
    backfill: CostBackfill;
    store: CostStore;
  },
) {
  const { callers, reports, backfill, store } = options;
  const reader = async (req: AnyRequest) => ({
    credentials: await callers.reader(req),
  });

  router.get('/cost/entities/:kind/:namespace/:name', async (req, res) => {
    res.json(
      await reports.entityCost(
        req.params,
        readCostWindow(req.query),
        await reader(req),
      ),
    );
  });

  router.get(
    '/cost/entities/:kind/:namespace/:name/efficiency',
    async (req, res) => {
      res.json(
        await reports.entityEfficiency(
          req.params,
          readCostWindow(req.query),
          await reader(req),
        ),
      );
    },
  );

  router.get(
    '/cost/entities/:kind/:namespace/:name/recommendations',
    async (req, res) => {
      res.json(
        await reports.entityRecommendations(req.params, await reader(req)),
      );
    },
  );

  router.get('/cost/teams/:kind/:namespace/:name', async (req, res) => {
    res.json(
      await reports.teamCost(
        req.params,
        readCostWindow(req.query),
        await reader(req),
      ),
    );
  });

  router.get('/cost/org', async (req, res) => {
    await reader(req);
    res.json(await reports.orgCost(readCostWindow(req.query)));
  });

  router.get('/cost/ingestion', async (req, res) => {
    await reader(req);
    const window = readCostWindow(req.query);
    res.json({ window, runs: await store.listRuns(window) });
  });

  router.post('/cost/backfill', async (req, res) => {
    const credentials = await callers.reader(req);
    res.json(await backfill(req.body, { credentials, request: req }));
  });
}
