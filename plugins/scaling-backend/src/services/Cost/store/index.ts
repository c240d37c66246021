export type * from './types';
export { DatabaseCostStore } from './DatabaseCostStore';
