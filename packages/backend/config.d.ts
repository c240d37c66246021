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
      /**
       * Group refs whose members may act on every service as its owners may:
       * scale it, change its autoscaling policy and drive its rollouts, e.g.
       * a platform team that operates the whole fleet in an incident. Each
       * such write on a service they do not own is audited as an admin
       * action. Scaling to zero still needs `scaleToZeroGroups` as well.
       * Nobody is an admin when it is unset.
       */
      adminGroups?: string[];
    };
  };
}
