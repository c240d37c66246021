import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  FleetOverview,
  ScalingBackendClient,
} from '@meschain/backstage-plugin-scaling-common';
import { FleetApi, FleetQuery } from './FleetApi';
import { readBody } from './scalingBackend';

/** @public Reads the fleet with the signed-in user's identity. */
export class FleetClient implements FleetApi {
  private readonly backend: ScalingBackendClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.backend = new ScalingBackendClient(options);
  }

  async getFleet(query: FleetQuery = {}): Promise<FleetOverview> {
    return readBody(
      await this.backend.getFleet({
        query: {
          owner: query.owners,
          system: query.systems,
          tier: query.tiers,
          health: query.healths,
        },
      }),
    );
  }
}
