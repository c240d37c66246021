export type { ReportsService, ReportInput } from './createReportsService';
export { createReportsService } from './createReportsService';
export type { ReportStore } from './DatabaseReportStore';
export { DatabaseReportStore } from './DatabaseReportStore';
export { createReportAccess } from './reportAccess';
export { reportCsv } from './reportCsv';
export { reportPdf } from './reportPdf';
export {
  createWeeklyReportsTask,
  scheduleWeeklyReports,
  teamReportsUrl,
  WEEKLY_REPORTS_TASK_ID,
} from './weeklyReports';
export { createConfiguredReports } from './createConfiguredReports';
