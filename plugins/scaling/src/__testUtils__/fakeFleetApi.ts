import { FleetApi } from '../api';
import { fleet } from './fleetFixtures';

/** A FleetApi whose read is a jest mock answering with the fleet fixture. */
export function fakeFleetApi(
  overrides: Partial<jest.Mocked<FleetApi>> = {},
): jest.Mocked<FleetApi> {
  return {
    getFleet: jest.fn().mockResolvedValue(fleet),
    ...overrides,
  };
}
