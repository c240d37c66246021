export { ScalingStateTable } from './ScalingStateTable';
export type { ScalingStateTableProps } from './ScalingStateTable';
export type { ScalingRow } from './rows';
