export { DrChecksList } from './DrChecksList';
export { DrVerdictStatus } from './DrVerdictStatus';
export { describeFigures } from './describeFigures';
