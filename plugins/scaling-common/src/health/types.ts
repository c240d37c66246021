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
  RegionHealth,
  SloStatus,
} from '../schema/openapi';
