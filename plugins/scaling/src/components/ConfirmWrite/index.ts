export { ConfirmWrite } from './ConfirmWrite';
export type { ConfirmWriteProps } from './ConfirmWrite';
export { WriteTarget, writeTargetOf } from './WriteTarget';
