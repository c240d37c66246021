export { allocationRoutes } from './allocationRoutes';
export { parseWindow, splitWindow } from './window';
export type { TimeWindow } from './window';
