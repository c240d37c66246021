import { RolloutsApi } from '../api';
import { rolloutState } from './rolloutFixtures';

/** A RolloutsApi whose methods are jest mocks, reading the fixture state. */
export function fakeRolloutsApi(
  overrides: Partial<jest.Mocked<RolloutsApi>> = {},
): jest.Mocked<RolloutsApi> {
  return {
    getEntityRollouts: jest.fn().mockResolvedValue(rolloutState),
    runRolloutAction: jest.fn(),
    ...overrides,
  };
}
