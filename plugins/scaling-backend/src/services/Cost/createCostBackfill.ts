import {
  CostBackfillRequest,
  CostBackfillResult,
  scalingCostBackfillPermission,
} from '@meschain/backstage-plugin-scaling-common';
import { ScalingWritePipeline, SuiteWriteCaller } from '../ScalingWrites';
import { readCostWindow } from './costQuery';
import { CostIngestion } from './createCostIngestion';
import { CostRecommendationRefresh } from './refreshCostRecommendations';

/**
 * Ingests a window again, replacing what was stored, then refreshes the
 * savings recommendations.
 *
 * @throws NotAllowedError when the caller lacks `scaling.cost.backfill`
 * @throws InputError for a bad window or an unknown cluster
 */
export type CostBackfill = (
  request: CostBackfillRequest,
  caller: SuiteWriteCaller,
) => Promise<CostBackfillResult>;

/**
 * A backfill rewrites every team's figures, so it goes through the write
 * pipeline like any write: authorized by a basic permission that the portal's
 * policy grants to platform admins, and that backend-to-backend callers (e.g.
 * a job after a pricing fix) hold as service principals; then audited.
 */
export function createCostBackfill(options: {
  pipeline: ScalingWritePipeline;
  ingestion: CostIngestion;
  refreshRecommendations: CostRecommendationRefresh;
}): CostBackfill {
  const { pipeline, ingestion, refreshRecommendations } = options;
  return (request, caller) =>
    pipeline.runSuiteWrite(
      caller,
      {
        action: 'cost.backfill',
        permission: scalingCostBackfillPermission,
        asked: {
          start: request.start,
          end: request.end,
          ...(request.clusters && { clusters: request.clusters }),
        },
      },
      async ({ act }) => {
        const window = readCostWindow(request);
        return act(async () => {
          const runs = await ingestion.ingest(window, {
            clusters: request.clusters,
          });
          await refreshRecommendations();
          return {
            result: { window, runs },
            after: {
              runs: runs.length,
              failed: runs.filter(run => run.status === 'failed').length,
            },
          };
        });
      },
    );
}
