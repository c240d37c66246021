export { WriteErrorAlert } from './WriteErrorAlert';
