export type {
  AuditAttempt,
  AuditEvent,
  AuditOutcome,
  ScalingAuditStore,
} from './types';
export { DatabaseScalingAuditStore } from './DatabaseScalingAuditStore';
export { scalingDatabaseClient } from './scalingDatabase';
