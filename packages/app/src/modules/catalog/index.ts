export { catalogPlugin } from './catalogPlugin';
