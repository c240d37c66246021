import { CostApi } from '../api';
import {
  costEfficiency,
  costRecommendations,
  entityCost,
  orgCost,
  teamCost,
} from './costFixtures';

/** A CostApi whose methods are jest mocks answering with the cost fixtures. */
export function fakeCostApi(
  overrides: Partial<jest.Mocked<CostApi>> = {},
): jest.Mocked<CostApi> {
  return {
    getEntityCost: jest.fn().mockResolvedValue(entityCost),
    getEntityEfficiency: jest.fn().mockResolvedValue(costEfficiency),
    getEntityRecommendations: jest.fn().mockResolvedValue(costRecommendations),
    getTeamCost: jest.fn().mockResolvedValue(teamCost),
    getOrgCost: jest.fn().mockResolvedValue(orgCost),
    ...overrides,
  };
}
