/** The health API's answers, as the OpenAPI contract defines them. */
export type {
  BurnRate,
  BurnRateAlert,
  EntityHealth,
  EntityHealthChecks,
  GoldenSignalValues,
  HealthCheck,
  HealthCheckFiguresValue,
  HealthLink,
  ServiceRegionHealth,
  SloStatus,
} from '../schema/openapi';
