export * from './api';
export * from './recommendations';
