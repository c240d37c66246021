export { DataAge, describeAge, oldestRead } from './DataAge';
