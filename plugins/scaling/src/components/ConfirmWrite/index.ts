export { ConfirmWrite } from './ConfirmWrite';
export type { ConfirmWriteProps } from './ConfirmWrite';
