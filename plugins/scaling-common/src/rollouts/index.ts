export * from './types';
export * from './strategyTemplates';
export * from './renderRollout';
export * from './renderDeployment';
