import { Navigate, Route, Routes } from 'react-router';
import { Result, Spin } from 'antd';
import { useApiQuery } from './api/hooks';
import { AppLayout } from './layout/AppLayout';
import { SetupPage } from './setup/SetupPage';
import { DatabaseErrorPage } from './setup/DatabaseErrorPage';
import { UnitsPage } from './units/UnitsPage';
import { UnitReportsPage } from './units/UnitReportsPage';
import { SettingsPage } from './settings/SettingsPage';
import { OverviewPage } from './overview/OverviewPage';
import { PlansPage } from './plans/PlansPage';
import { PlanViewPage } from './plans/PlanViewPage';
import { PlanEditorPage } from './plans/PlanEditorPage';
import { ImportPlanPage } from './plans/import/ImportPlanPage';
import { SearchPage } from './search/SearchPage';
import { ReportsPage } from './reports/ReportsPage';
import { ReportEditorPage } from './reports/ReportEditorPage';
import { ConsolidationPage } from './reports/ConsolidationPage';
import { BundlesPage } from './bundles/BundlesPage';
import { OwnReportPage } from './reports/OwnReportPage';
import { FirstAdminPage } from './auth/FirstAdminPage';
import { SignInPage } from './auth/SignInPage';
import { MustChangePasswordPage } from './auth/MustChangePasswordPage';
import { Allowed, CurrentUserProvider } from './auth/current-user';
import { UsersPage } from './users/UsersPage';
import { AuditPage } from './audit/AuditPage';

/** Chooses the first screen from the app's state: data file problem, first-run setup, accounts and sign-in, or the app. */
export function Root() {
  const status = useApiQuery('app.status', {});
  if (status.isPending) return <div className="dv-centered"><Spin size="large" tip="Đang mở dữ liệu…"><div style={{ width: 200 }} /></Spin></div>;
  if (status.isError) return <Result status="error" title="Không mở được ứng dụng" subTitle={status.error.message} />;
  const s = status.data;
  if (s.state === 'databaseError') return <DatabaseErrorPage status={s} />;
  if (s.state === 'needsSetup') return <SetupPage />;
  if (s.state === 'needsAdmin') return <FirstAdminPage officeName={s.office?.name ?? ''} />;
  if (s.state === 'signedOut' || !s.user) return <SignInPage officeName={s.office?.name ?? ''} />;
  if (s.user.mustChangePassword) return <MustChangePasswordPage user={s.user} />;
  return (
    <CurrentUserProvider value={s.user}>
    <Routes>
      <Route element={<AppLayout office={s.office!} />}>
        <Route path="/tong-quan" element={<OverviewPage />} />
        <Route path="/ke-hoach" element={<PlansPage />} />
        <Route path="/ke-hoach/nhap" element={<ImportPlanPage />} />
        <Route path="/ke-hoach/:id" element={<PlanViewPage />} />
        <Route path="/ke-hoach/:id/sua" element={<PlanEditorPage />} />
        <Route path="/ke-hoach/:planId/bao-cao/:dutyId" element={<OwnReportPage />} />
        <Route path="/bao-cao" element={<ReportsPage />} />
        <Route path="/bao-cao/:id" element={<ReportEditorPage />} />
        <Route path="/bao-cao/tong-hop/:planId/:dutyId" element={<ConsolidationPage />} />
        <Route path="/goi-tin" element={<BundlesPage />} />
        <Route path="/tim-kiem" element={<SearchPage />} />
        <Route path="/don-vi" element={<UnitsPage />} />
        <Route path="/don-vi/:id/bao-cao" element={<UnitReportsPage />} />
        <Route path="/cai-dat" element={<SettingsPage status={s} />} />
        <Route path="/nguoi-dung" element={<Allowed operation="users.list"><UsersPage /></Allowed>} />
        <Route path="/nhat-ky" element={<Allowed operation="audit.list"><AuditPage /></Allowed>} />
        <Route path="*" element={<Navigate to="/tong-quan" replace />} />
      </Route>
    </Routes>
    </CurrentUserProvider>
  );
}
