export interface Config {
  permission?: {
    scaling?: {
      /**
       * Group refs whose members may scale their own services to zero
       * replicas, e.g. `group:default/platform-team`. Everyone else may scale
       * only to one replica or more.
       */
      scaleToZeroGroups?: string[];
    };
  };
}
