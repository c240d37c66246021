export { ScaleDialog } from './ScaleDialog';
export type { ScaleDialogProps } from './ScaleDialog';
export type { ScaleTarget } from './ScaleTarget';
