import { useQuery } from '@tanstack/react-query';
import type { Conference } from '../../../contracts/conferences';
import { ErrorAlert } from '../../ui/errors';
import { PageLoader } from '../../ui/PageLoader';
import { conferenceReportQuery } from '../api';
import { ReportView } from './ReportView';

/** The report of one conference, in its page's "Report" tab (leads). */
export function ReportPanel({ conference }: { conference: Conference }) {
  const params = { conferenceId: conference.id };
  const report = useQuery(conferenceReportQuery(params));
  if (report.isPending) return <PageLoader />;
  if (!report.data) return <ErrorAlert error={report.error} />;
  return <ReportView report={report.data} params={params} />;
}
