import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CostEfficiency,
  CostRecommendations,
  CostWindow,
  EntityCost,
  OrgCost,
  TeamCost,
} from '@meschain/backstage-plugin-scaling-common';
import { CostApi } from './CostApi';

/** @public Reads the cost rollups with the signed-in user's identity. */
export class CostClient implements CostApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityCost(
    entityRef: CompoundEntityRef,
    window?: CostWindow,
  ): Promise<EntityCost> {
    return this.get(refPath('entities', entityRef), window);
  }

  async getEntityEfficiency(
    entityRef: CompoundEntityRef,
    window?: CostWindow,
  ): Promise<CostEfficiency> {
    return this.get(`${refPath('entities', entityRef)}/efficiency`, window);
  }

  async getEntityRecommendations(
    entityRef: CompoundEntityRef,
  ): Promise<CostRecommendations> {
    return this.get(`${refPath('entities', entityRef)}/recommendations`);
  }

  async getTeamCost(
    teamRef: CompoundEntityRef,
    window?: CostWindow,
  ): Promise<TeamCost> {
    return this.get(refPath('teams', teamRef), window);
  }

  async getOrgCost(window?: CostWindow): Promise<OrgCost> {
    return this.get('/cost/org', window);
  }

  private async get<T>(path: string, window?: CostWindow): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('scaling');
    const query = window ? `?${new URLSearchParams(window)}` : '';
    const response = await this.fetchApi.fetch(`${baseUrl}${path}${query}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function refPath(
  collection: 'entities' | 'teams',
  { kind, namespace, name }: CompoundEntityRef,
): string {
  return `/cost/${collection}/${[
    kind.toLocaleLowerCase('en-US'),
    namespace,
    name,
  ]
    .map(encodeURIComponent)
    .join('/')}`;
}
