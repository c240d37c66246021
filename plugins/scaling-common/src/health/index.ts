export * from './goldenSignals';
export * from './promDuration';
export * from './slo';
export * from './burnRates';
export * from './dependencies';
export type * from './types';
