export { DrChecksList, FailingDrChecks } from './DrChecksList';
export { DrVerdictStatus } from './DrVerdictStatus';
export { describeFigures } from './describeFigures';
