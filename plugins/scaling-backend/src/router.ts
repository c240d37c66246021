import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ErrorResponseBody, serializeError } from '@backstage/errors';
import { validatePolicyShape } from '@meschain/backstage-plugin-scaling-common';
import express, { ErrorRequestHandler, Request, Response } from 'express';
import { createOpenApiRouter } from './schema/openapi';
import { addAlertRoutes } from './routes/alerts';
import { addCostRoutes } from './routes/cost';
import { addFleetRoutes } from './routes/fleet';
import { addHealthRoutes } from './routes/health';
import { addRegionRoutes } from './routes/regions';
import { addReportRoutes } from './routes/reports';
import { addRolloutRoutes } from './routes/rollouts';
import { addScalingRoutes } from './routes/scaling';
import { addWhatIfRoutes } from './routes/whatIf';
import { addPredictiveRoutes } from './routes/predictive';
import { addServiceManifestRoutes } from './routes/serviceManifests';
import { jsonBody, undeclaredPropertyErrors } from './routes/requestErrors';
import { createRouteCallers } from './routes/types';
import { AlertInputError, ConfiguredAlerts } from './services/Alerts';
import { FleetService } from './services/Fleet';
import { PredictiveScalingService } from './services/Predictive';
import { ReportsService } from './services/Reports';
import { PolicyInputError } from './services/ScalingWrites';
import { WhatIfService } from './services/WhatIf';
import { ServiceManifestsService } from './services/ServiceManifests';

/** Requests larger than this are refused with 400 before any handler runs. */
const MAX_BODY_SIZE = '64kb';

// The standard Backstage error body, so clients' ResponseError keeps it, plus
// the problems the policy editor and the alert forms show next to each field.
function sendFieldProblems(
  error: PolicyInputError | AlertInputError,
  req: Request,
  res: Response,
) {
  const body: ErrorResponseBody & { problems: typeof error.problems } = {
    error: serializeError(error),
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: 400 },
    problems: error.problems,
  };
  res.status(400).json(body);
}

/**
 * A policy's problems are found by the policy model's own rules before the
 * contract validator sees the body, so that they come back field by field in
 * the editor's words rather than as schema errors. The entity's guard-rails
 * are checked later, by the write pipeline.
 */
const policyBodies = express.Router().post(
  [
    '/entities/:kind/:namespace/:name/policy',
    // A what-if replay validates its candidate as an apply would.
    '/entities/:kind/:namespace/:name/policy/simulate',
  ],
  (req, res, next) => {
    const policy = req.body?.policy;
    // Without a policy there is nothing to place on fields: the contract validator names it.
    const result =
      policy === undefined
        ? { valid: true as const }
        : validatePolicyShape(policy);
    if (result.valid) {
      next();
    } else {
      sendFieldProblems(new PolicyInputError(result.problems), req, res);
    }
  },
);

const fieldProblems: ErrorRequestHandler = (error, req, res, next) => {
  if (error instanceof PolicyInputError || error instanceof AlertInputError) {
    sendFieldProblems(error, req, res);
  } else {
    next(error);
  }
};

export async function createRouter(
  options: { httpAuth: HttpAuthService } & Omit<
    Parameters<typeof addScalingRoutes>[1],
    'callers'
  > &
    Omit<Parameters<typeof addRolloutRoutes>[1], 'callers'> &
    Omit<Parameters<typeof addRegionRoutes>[1], 'callers'> &
    Omit<Parameters<typeof addHealthRoutes>[1], 'callers'> & {
      cost: Omit<Parameters<typeof addCostRoutes>[1], 'callers'>;
      alerts?: ConfiguredAlerts;
      reports: ReportsService;
      fleet: FleetService;
      predictive: PredictiveScalingService;
      whatIf: WhatIfService;
      serviceManifests: ServiceManifestsService;
    },
): Promise<express.Router> {
  const {
    httpAuth,
    rollouts,
    regions,
    cost,
    health,
    alerts,
    fleet,
    reports,
    serviceManifests,
    predictive,
    whatIf,
    ...scaling
  } = options;
  const router = await createOpenApiRouter({
    middleware: [jsonBody(MAX_BODY_SIZE), policyBodies],
  });
  const callers = createRouteCallers(httpAuth);

  addScalingRoutes(router, { callers, ...scaling });
  addRolloutRoutes(router, { rollouts, callers });
  addRegionRoutes(router, { regions, callers });
  addCostRoutes(router, { callers, ...cost });
  addHealthRoutes(router, { health, callers });
  addAlertRoutes(router, { callers, httpAuth, alerts });
  addReportRoutes(router, { callers, reports });
  addFleetRoutes(router, { fleet, callers });
  addPredictiveRoutes(router, { predictive, callers });
  addWhatIfRoutes(router, { whatIf, callers });
  addServiceManifestRoutes(router, { serviceManifests, callers });

  router.use(undeclaredPropertyErrors, fieldProblems);
  return router;
}
