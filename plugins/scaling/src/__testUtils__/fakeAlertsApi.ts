import { AlertsApi } from '../api';
import {
  activeAlerts,
  errorRatioRule,
  latencyTrendRule,
  maintenanceWindows,
  slowAndFailingRule,
} from './alertsFixtures';

/** An AlertsApi whose methods are jest mocks answering with the alerts fixtures. */
export function fakeAlertsApi(
  overrides: Partial<jest.Mocked<AlertsApi>> = {},
): jest.Mocked<AlertsApi> {
  return {
    getAlertRules: jest.fn().mockResolvedValue({
      rules: [errorRatioRule, latencyTrendRule, slowAndFailingRule],
    }),
    createAlertRule: jest.fn().mockImplementation(async (_ref, rule) => ({
      ...errorRatioRule,
      ...rule,
    })),
    updateAlertRule: jest.fn().mockImplementation(async (_ref, id, rule) => ({
      ...errorRatioRule,
      ...rule,
      id,
    })),
    deleteAlertRule: jest.fn().mockResolvedValue(undefined),
    getActiveAlerts: jest.fn().mockResolvedValue({ alerts: activeAlerts }),
    getMaintenanceWindows: jest
      .fn()
      .mockResolvedValue({ windows: maintenanceWindows }),
    createMaintenanceWindow: jest
      .fn()
      .mockImplementation(async (_ref, window) => ({
        ...window,
        id: 'silence-2',
        createdBy: 'user:default/jane',
        status: 'pending',
      })),
    expireMaintenanceWindow: jest.fn().mockResolvedValue(undefined),
    ...overrides,
  };
}
