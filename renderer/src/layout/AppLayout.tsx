import type { ReactNode } from 'react';
import { Input, Layout, Menu, Typography } from 'antd';
import { ApartmentOutlined, AuditOutlined, DashboardOutlined, FileTextOutlined, HistoryOutlined, SettingOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Office } from '../../../shared/office/office-schemas';
import { OFFICE_LEVEL_LABELS } from '../../../shared/office/office-schemas';
import { useWindowDrop } from '../bundles/use-window-drop';
import type { OperationName } from '../../../shared/api/contract';
import { useCan } from '../auth/current-user';
import { UserMenu } from '../auth/UserMenu';

// Each entry is shown to those who may run the operation its screen opens with.
const MENU: { key: string; icon: ReactNode; label: string; needs?: OperationName }[] = [
  { key: '/tong-quan', icon: <DashboardOutlined />, label: 'Tổng quan' },
  { key: '/ke-hoach', icon: <FileTextOutlined />, label: 'Kế hoạch' },
  { key: '/bao-cao', icon: <AuditOutlined />, label: 'Báo cáo' },
  { key: '/goi-tin', icon: <SwapOutlined />, label: 'Gửi, nhận' },
  { key: '/don-vi', icon: <ApartmentOutlined />, label: 'Đơn vị' },
  { key: '/nguoi-dung', icon: <TeamOutlined />, label: 'Người dùng', needs: 'users.list' },
  { key: '/nhat-ky', icon: <HistoryOutlined />, label: 'Nhật ký', needs: 'audit.list' },
  { key: '/cai-dat', icon: <SettingOutlined />, label: 'Cài đặt' },
];

export function AppLayout({ office }: { office: Office }) {
  const navigate = useNavigate();
  const location = useLocation();
  useWindowDrop();
  const can = useCan();
  const menu = MENU.filter((m) => !m.needs || can(m.needs)).map(({ needs: _needs, ...item }) => item);
  const selected = MENU.find((m) => location.pathname.startsWith(m.key))?.key ?? '/tong-quan';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={64}>
        <div className="dv-brand">
          Dân vận
          <small>Dân chủ ở cơ sở</small>
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={menu} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', paddingInline: 24, display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #eee' }}>
          {/* One line at any width: a long name is cut with "…" and shown whole on hover. */}
          <Typography.Text strong style={{ fontSize: 16, minWidth: 0, flex: '0 1 auto', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', lineHeight: 1.5 }} title={office.name} data-testid="office-name">{office.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ flex: 'none', whiteSpace: 'nowrap' }}>{OFFICE_LEVEL_LABELS[office.level]}</Typography.Text>
          <Input.Search
            aria-label="Tìm kế hoạch, nhiệm vụ"
            placeholder="Tìm kế hoạch, nhiệm vụ (gõ không dấu được)"
            allowClear
            style={{ marginLeft: 'auto', flex: '0 1 360px', minWidth: 220 }}
            onSearch={(q) => q.trim() && navigate(`/tim-kiem?q=${encodeURIComponent(q.trim())}`)}
          />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
