export { RolloutActionDialog } from './RolloutActionDialog';
export type { RolloutActionDialogProps } from './RolloutActionDialog';
