import { Card, Tabs, Typography } from 'antd';
import { UnitsTable } from './UnitsTable';
import { GroupsTable } from './GroupsTable';

export function UnitsPage() {
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>Đơn vị báo cáo</Typography.Title>
      <Typography.Paragraph type="secondary">
        Các phòng, đơn vị, thôn, tổ dân phố báo cáo về cơ quan. Thứ tự ở đây là thứ tự trong văn bản. Đơn vị đã có dữ liệu
        không bị xóa mà chuyển sang "Ngừng sử dụng".
      </Typography.Paragraph>
      <Tabs items={[{ key: 'units', label: 'Đơn vị', children: <UnitsTable /> }, { key: 'groups', label: 'Nhóm đơn vị', children: <GroupsTable /> }]} />
    </Card>
  );
}
