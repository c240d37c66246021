import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { toError } from '@backstage/errors';
import {
  CostRecommendation,
  CostReportFigures,
  ReportPeriod,
} from '@meschain/backstage-plugin-scaling-common';
import { CostReports } from '../Cost';

/**
 * Spend and savings as the cost views show them: the team's or the org's
 * rollups, and each service's recommendations with their inputs. Nothing is
 * worked out again here.
 */
export async function costFigures(options: {
  cost: CostReports;
  team?: string;
  period: ReportPeriod;
  credentials: BackstageCredentials;
}): Promise<CostReportFigures> {
  const { cost, team, period, credentials } = options;
  const caller = { credentials };
  const notes: string[] = [];
  const rollup = team
    ? await cost.teamCost(parseEntityRef(team), period, caller)
    : await cost.orgCost(period);
  const services =
    'byService' in rollup ? rollup.byService : rollup.topServices;
  if (!team) {
    notes.push(
      `Spend by service lists the ${services.length} services that spent most.`,
    );
  }
  for (const gap of rollup.incomplete) {
    notes.push(
      `Cost of ${gap.date} in ${gap.cluster} is incomplete: ${gap.reason}`,
    );
  }

  const recommendations: CostRecommendation[] = [];
  for (const { key } of services) {
    if (key === 'unallocated') continue;
    try {
      const found = await cost.entityRecommendations(
        parseEntityRef(key),
        caller,
      );
      recommendations.push(...found.recommendations);
    } catch (error) {
      notes.push(
        `The recommendations of ${key} could not be read: ${
          toError(error).message
        }`,
      );
    }
  }
  return {
    kind: 'cost',
    currency: rollup.currency,
    totals: {
      spend: rollup.total,
      monthlySavings: rollup.savings.monthly,
      annualSavings: rollup.savings.annual,
      recommendations: rollup.savings.count,
    },
    byService: services.map(s => ({ entityRef: s.key, total: s.total })),
    byRegion: rollup.byRegion.map(r => ({ region: r.key, total: r.total })),
    daily:
      'daily' in rollup
        ? rollup.daily.map(d => ({ date: d.date, total: d.total }))
        : [],
    savings: rollup.savings,
    recommendations,
    notes,
  };
}
