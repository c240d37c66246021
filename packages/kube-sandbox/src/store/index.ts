export { MemoryObjectStore } from './MemoryObjectStore';
export {
  RESOURCES,
  resourceDefinition,
  findResource,
  apiVersionOf,
} from './resources';
export type { ResourceDefinition, Subresource } from './resources';
export {
  parseLabelSelector,
  parseFieldSelector,
  matchesLabels,
  matchesFields,
  fromLabelSelectorObject,
  formatLabelSelector,
} from './selectors';
export type {
  LabelSelector,
  LabelRequirement,
  FieldSelector,
} from './selectors';
export { deepFreeze, deepEqual, thaw } from './objects';
export type * from './types';
