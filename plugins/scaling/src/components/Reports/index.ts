export { ReportsCard } from './ReportsCard';
export { EntityReportsCard } from './EntityReportsCard';
export { ReportsPage } from './ReportsPage';
