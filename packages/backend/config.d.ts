export interface Config {
  permission?: {
    scaling?: {
      /**
       * Group refs whose members may scale their own services to zero
       * replicas, e.g. `group:default/platform-team`. Everyone else may scale
       * only to one replica or more.
       */
      scaleToZeroGroups?: string[];
      /**
       * Group refs whose members may re-ingest cost for a range of days
       * (`scaling.cost.backfill`). Nobody may when it is unset.
       */
      costAdminGroups?: string[];
    };
  };
}
