export { FailingDrChecks } from './DrChecksList';
export { DrVerdictStatus } from './DrVerdictStatus';
