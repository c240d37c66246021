export { PolicyEditorDialog } from './PolicyEditorDialog';
export type { PolicyEditorDialogProps } from './PolicyEditorDialog';
