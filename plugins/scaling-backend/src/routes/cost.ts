import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { scalingCostBackfillPermission } from '@meschain/backstage-plugin-scaling-common';
import { spec } from '../schema/openapi';
import {
  CostIngestion,
  CostRecommendationRefresh,
  CostReports,
  CostStore,
  readCostWindow,
} from '../services/Cost';

type ScalingRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;
type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

/** The cost views' reads, and the backfill that only `scaling.cost.backfill` may run. */
export function addCostRoutes(
  router: ScalingRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    auditor: AuditorService;
    reports: CostReports;
    ingestion: CostIngestion;
    refreshRecommendations: CostRecommendationRefresh;
    store: CostStore;
  },
) {
  const { httpAuth, permissions, auditor, reports, ingestion, store } = options;
  const reader = async (req: AnyRequest) => ({
    credentials: await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    }),
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

  // A backfill rewrites every team's figures: a basic permission that the
  // portal's policy grants to platform admins, and that backend-to-backend
  // callers (e.g. a job after a pricing fix) hold as service principals.
  router.post('/cost/backfill', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const window = readCostWindow(req.body);
    const event = await auditor.createEvent({
      eventId: 'cost-backfill',
      severityLevel: 'medium',
      request: req,
      meta: { window, clusters: req.body.clusters },
    });
    try {
      const [decision] = await permissions.authorize(
        [{ permission: scalingCostBackfillPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          'You may not backfill cost (scaling.cost.backfill)',
        );
      }
      const runs = await ingestion.ingest(window, {
        clusters: req.body.clusters,
      });
      await options.refreshRecommendations();
      await event.success({
        meta: {
          runs: runs.length,
          failed: runs.filter(r => r.status === 'failed').length,
        },
      });
      res.json({ window, runs });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}
