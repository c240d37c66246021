export { createWhatIfService } from './createWhatIfService';
export type { WhatIfService } from './createWhatIfService';
export { createWhatIfLoadSource } from './recordedLoad';
export type { RecordedLoad, WhatIfLoadSource } from './recordedLoad';
