import { Link } from 'react-router';
import { Alert, Space } from 'antd';
import { NameList } from '../common/NameList';

const LINKS = 10;

/**
 * "2 báo cáo đã nhận, chờ tiếp nhận: …": reports that came in (typed in or received as a unit's bundle)
 * and count nowhere until a lãnh đạo accepts them, each a link to open it for review.
 */
export function AwaitingAcceptance({ items }: { items: { key: string; name: string; to: string }[] }) {
  if (!items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="awaiting-acceptance"
      message={<>{items.length} báo cáo đã nhận, chờ tiếp nhận: <NameList names={items.map((i) => i.name)} />.</>}
      description={
        <Space direction="vertical" size={2}>
          <span>Chỉ báo cáo đã tiếp nhận mới được tính vào bản tổng hợp. Mở từng báo cáo để xem, rồi tiếp nhận hoặc trả lại:</span>
          <Space wrap size={[12, 4]}>
            {items.slice(0, LINKS).map((i) => (
              <Link key={i.key} to={i.to}>Xem báo cáo của {i.name}</Link>
            ))}
            {items.length > LINKS && <span>và {items.length - LINKS} báo cáo khác trong bảng theo dõi</span>}
          </Space>
        </Space>
      }
    />
  );
}
