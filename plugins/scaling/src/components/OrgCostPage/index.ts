export { OrgCostPage } from './OrgCostPage';
