export * from './types';
export * from './strategyTemplates';
export * from './renderRollout';
