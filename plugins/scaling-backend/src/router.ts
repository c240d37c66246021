import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { ErrorResponseBody, serializeError } from '@backstage/errors';
import express, { ErrorRequestHandler } from 'express';
import { addRegionRoutes } from './routes/regions';
import { spec } from './schema/openapi';
import { addRolloutRoutes } from './routes/rollouts';
import { AnyRequest } from './routes/types';
import { addCostRoutes } from './routes/cost';
import { EntityScalingFactsService } from './services/EntityScalingFacts';
import { RolloutService } from './services/Rollouts';
import { RegionsService } from './services/Regions';
import { ScalingHistoryService } from './services/ScalingHistory';
import { ScalingOptionsService } from './services/ScalingSettings';
import { EntityScalingStateService } from './services/ScalingState';
import {
  PolicyInputError,
  ScalingWriteService,
  WriteCaller,
} from './services/ScalingWrites';

/** Requests larger than this are refused with 400 before any handler runs. */
const MAX_BODY_SIZE = '64kb';
const DEFAULT_HISTORY_LIMIT = 50;

/** Places each policy problem on its field, next to the usual error body. */
// The standard Backstage error body, so clients' ResponseError keeps it, plus
// the problems the policy editor shows next to each field.
const policyProblems: ErrorRequestHandler = (error, req, res, next) => {
  if (!(error instanceof PolicyInputError)) {
    next(error);
    return;
  }
  const body: ErrorResponseBody & { problems: typeof error.problems } = {
    error: serializeError(error),
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: 400 },
    problems: error.problems,
  };
  res.status(400).json(body);
};

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  entityFacts: EntityScalingFactsService;
  scalingState: EntityScalingStateService;
  scalingOptions: ScalingOptionsService;
  scalingWrites: ScalingWriteService;
  scalingHistory: ScalingHistoryService;
  rollouts: RolloutService;
  regions: RegionsService;
  cost: Omit<Parameters<typeof addCostRoutes>[1], 'httpAuth'>;
}): Promise<express.Router> {
  const {
    httpAuth,
    entityFacts,
    scalingState,
    scalingOptions,
    scalingWrites,
    scalingHistory,
    rollouts,
    regions,
    cost,
  } = options;
  const router = createValidatedOpenApiRouter(spec, {
    middleware: [express.json({ limit: MAX_BODY_SIZE })],
  });

  const readerCredentials = (req: AnyRequest) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const writeCaller = async (req: AnyRequest): Promise<WriteCaller> => ({
    credentials: await httpAuth.credentials(req, { allow: ['user'] }),
    request: req,
  });

  router.get('/entities/:kind/:namespace/:name/facts', async (req, res) => {
    const credentials = await readerCredentials(req);
    res.json(await entityFacts.getFacts(req.params, { credentials }));
  });

  router.get('/entities/:kind/:namespace/:name/scaling', async (req, res) => {
    const credentials = await readerCredentials(req);
    res.json(await scalingState.getScalingState(req.params, { credentials }));
  });

  router.get(
    '/entities/:kind/:namespace/:name/scaling/options',
    async (req, res) => {
      const credentials = await readerCredentials(req);
      res.json(await scalingOptions.getOptions(req.params, { credentials }));
    },
  );

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await readerCredentials(req);
    res.json(
      await scalingHistory.getHistory(req.params, {
        credentials,
        limit: Number(req.query.limit ?? DEFAULT_HISTORY_LIMIT),
      }),
    );
  });

  router.post('/entities/:kind/:namespace/:name/scale', async (req, res) => {
    res.json(
      await scalingWrites.scale(req.params, req.body, await writeCaller(req)),
    );
  });

  router.post(
    '/entities/:kind/:namespace/:name/autoscaler-bounds',
    async (req, res) => {
      res.json(
        await scalingWrites.setAutoscalerBounds(
          req.params,
          req.body,
          await writeCaller(req),
        ),
      );
    },
  );

  router.post('/entities/:kind/:namespace/:name/policy', async (req, res) => {
    res.json(
      await scalingWrites.applyPolicy(
        req.params,
        req.body,
        await writeCaller(req),
      ),
    );
  });

  router.delete('/entities/:kind/:namespace/:name/policy', async (req, res) => {
    res.json(
      await scalingWrites.deletePolicy(
        req.params,
        req.query.regions.split(','),
        await writeCaller(req),
      ),
    );
  });

  addRolloutRoutes(router, {
    rollouts,
    callers: { reader: readerCredentials, writer: writeCaller },
  });
  addRegionRoutes(router, { httpAuth, regions });
  addCostRoutes(router, { httpAuth, ...cost });

  router.use(policyProblems);
  return router;
}
