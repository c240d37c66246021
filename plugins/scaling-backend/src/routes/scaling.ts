import { EntityScalingFactsService } from '../services/EntityScalingFacts';
import { ScalingHistoryService } from '../services/ScalingHistory';
import { ScalingOptionsService } from '../services/ScalingSettings';
import { EntityScalingStateService } from '../services/ScalingState';
import { ScalingWriteService } from '../services/ScalingWrites';
import { RouteCallers, ScalingRouter } from './types';

const DEFAULT_HISTORY_LIMIT = 50;

/** An entity's scaling: what it runs, how it scales, its history, and the writes that change it. */
export function addScalingRoutes(
  router: ScalingRouter,
  options: {
    callers: RouteCallers;
    entityFacts: EntityScalingFactsService;
    scalingState: EntityScalingStateService;
    scalingOptions: ScalingOptionsService;
    scalingWrites: ScalingWriteService;
    scalingHistory: ScalingHistoryService;
  },
) {
  const {
    callers,
    entityFacts,
    scalingState,
    scalingOptions,
    scalingWrites,
    scalingHistory,
  } = options;

  router.get('/entities/:kind/:namespace/:name/facts', async (req, res) => {
    const credentials = await callers.reader(req);
    res.json(await entityFacts.getFacts(req.params, { credentials }));
  });

  router.get('/entities/:kind/:namespace/:name/scaling', async (req, res) => {
    const credentials = await callers.reader(req);
    res.json(await scalingState.getScalingState(req.params, { credentials }));
  });

  router.get(
    '/entities/:kind/:namespace/:name/scaling/options',
    async (req, res) => {
      const credentials = await callers.reader(req);
      res.json(await scalingOptions.getOptions(req.params, { credentials }));
    },
  );

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await callers.reader(req);
    const limit = Number(req.query.limit ?? DEFAULT_HISTORY_LIMIT);
    res.json(
      await scalingHistory.getHistory(req.params, { credentials, limit }),
    );
  });

  router.post('/entities/:kind/:namespace/:name/scale', async (req, res) => {
    const caller = await callers.writer(req);
    res.json(await scalingWrites.scale(req.params, req.body, caller));
  });

  router.post(
    '/entities/:kind/:namespace/:name/autoscaler-bounds',
    async (req, res) => {
      const caller = await callers.writer(req);
      res.json(
        await scalingWrites.setAutoscalerBounds(req.params, req.body, caller),
      );
    },
  );

  router.post('/entities/:kind/:namespace/:name/policy', async (req, res) => {
    const caller = await callers.writer(req);
    res.json(await scalingWrites.applyPolicy(req.params, req.body, caller));
  });

  router.delete('/entities/:kind/:namespace/:name/policy', async (req, res) => {
    const caller = await callers.writer(req);
    const regions = req.query.regions.split(',');
    res.json(await scalingWrites.deletePolicy(req.params, regions, caller));
  });
}
