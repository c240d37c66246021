export { FleetSummaryCard } from './FleetSummaryCard';
