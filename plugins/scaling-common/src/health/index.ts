export * from './goldenSignals';
export * from './slo';
export * from './burnRates';
export type * from './types';
