import { ScalingApi } from '../api';
import { scalingHistory, scalingOptions, scalingState } from './fixtures';

/** A ScalingApi whose methods are jest mocks answering with the fixtures. */
export function fakeScalingApi(
  overrides: Partial<jest.Mocked<ScalingApi>> = {},
): jest.Mocked<ScalingApi> {
  return {
    getEntityFacts: jest.fn().mockRejectedValue(new Error('No facts here')),
    getEntityScaling: jest.fn().mockResolvedValue(scalingState),
    getScalingOptions: jest.fn().mockResolvedValue(scalingOptions),
    scaleWorkload: jest.fn(),
    setAutoscalerBounds: jest.fn(),
    applyPolicy: jest.fn(),
    deletePolicy: jest.fn(),
    simulatePolicy: jest.fn(),
    getHistory: jest.fn().mockResolvedValue(scalingHistory),
    ...overrides,
  };
}
