import { RegionsApi } from '../api';
import { orderServiceRegions, regionsOverview } from './regionsFixtures';

/** A RegionsApi whose methods are jest mocks answering with the fixtures. */
export function fakeRegionsApi(
  overrides: Partial<jest.Mocked<RegionsApi>> = {},
): jest.Mocked<RegionsApi> {
  return {
    getRegionsOverview: jest.fn().mockResolvedValue(regionsOverview),
    getRegion: jest.fn().mockResolvedValue(regionsOverview.regions[0]),
    getEntityRegions: jest.fn().mockResolvedValue(orderServiceRegions),
    ...overrides,
  };
}
