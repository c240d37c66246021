export { authorizeEntityAction } from './authorizeEntityAction';
