import { HealthApi } from '../api';
import { entityHealth, healthChecks } from './healthFixtures';

/** A HealthApi whose methods are jest mocks answering with the health fixtures. */
export function fakeHealthApi(
  overrides: Partial<jest.Mocked<HealthApi>> = {},
): jest.Mocked<HealthApi> {
  return {
    getEntityHealth: jest.fn().mockResolvedValue(entityHealth),
    getHealthChecks: jest.fn().mockResolvedValue(healthChecks),
    ...overrides,
  };
}
