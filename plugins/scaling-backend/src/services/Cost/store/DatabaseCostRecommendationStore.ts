import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  CostRecommendation,
  CostRecommendationKind,
} from '@meschain/backstage-plugin-scaling-common';
import { Knex } from 'knex';
import { scalingDatabaseClient } from '../../../database';
import { insertChunked, num } from './costDatabase';
import {
  CostRecommendationStore,
  OwnedRecommendation,
  RecommendationSet,
} from './types';

const RECOMMENDATIONS = 'scaling_cost_recommendations';

function toSet(row: Record<string, any> | undefined) {
  if (!row) return undefined;
  return {
    window: { start: row.window_start, end: row.window_end },
    computedAt: new Date(row.computed_at).toISOString(),
  } satisfies RecommendationSet;
}

function toRecommendation(row: Record<string, any>): CostRecommendation {
  return {
    kind: row.kind as CostRecommendationKind,
    entityRef: row.entity_ref,
    region: row.region || undefined,
    summary: row.summary,
    monthlySavings: num(row.monthly_savings),
    annualSavings: num(row.annual_savings),
    inputs: JSON.parse(row.inputs),
    proposal: JSON.parse(row.proposal),
  };
}

/** The last refresh's recommendations, in the plugin's database. */
export class DatabaseCostRecommendationStore
  implements CostRecommendationStore
{
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseCostRecommendationStore> {
    return new DatabaseCostRecommendationStore(
      await scalingDatabaseClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  async replaceAll(
    set: RecommendationSet & { recommendations: OwnedRecommendation[] },
  ) {
    const computedAt = new Date(set.computedAt);
    await this.db.transaction(async tx => {
      await tx(RECOMMENDATIONS).delete();
      await insertChunked(
        tx,
        RECOMMENDATIONS,
        set.recommendations.map(r => ({
          entity_ref: r.entityRef,
          owner_ref: r.ownerRef,
          kind: r.kind,
          region: r.region ?? '',
          summary: r.summary,
          monthly_savings: r.monthlySavings,
          annual_savings: r.annualSavings,
          inputs: JSON.stringify(r.inputs),
          proposal: JSON.stringify(r.proposal),
          window_start: set.window.start,
          window_end: set.window.end,
          computed_at: computedAt,
        })),
      );
    });
  }

  async lastSet() {
    return toSet(await this.db(RECOMMENDATIONS).first());
  }

  async listForEntity(entityRef: string) {
    const rows = await this.db(RECOMMENDATIONS)
      .where('entity_ref', entityRef)
      .orderBy('monthly_savings', 'desc');
    return rows.map(toRecommendation);
  }

  async sumSavings(scope: { ownerRef: string } | 'org') {
    const query = this.db(RECOMMENDATIONS)
      .select(
        this.db.raw('count(*) as count'),
        this.db.raw('sum(monthly_savings) as monthly'),
        this.db.raw('sum(annual_savings) as annual'),
      )
      .first();
    if (scope !== 'org') query.where('owner_ref', scope.ownerRef);
    const row = await query;
    const cents = (value: unknown) => Math.round(num(value) * 100) / 100;
    return {
      count: num(row?.count),
      monthly: cents(row?.monthly),
      annual: cents(row?.annual),
    };
  }
}
