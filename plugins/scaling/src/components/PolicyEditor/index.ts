export { PolicyEditorDialog } from './PolicyEditorDialog';
export type { PolicyEditorDialogProps } from './PolicyEditorDialog';
export { livePoliciesOf } from './livePolicies';
export type { LiveRegionPolicy } from './livePolicies';
