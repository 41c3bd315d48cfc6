import { useState } from 'react';
import { App, Button, Card, Descriptions, Typography } from 'antd';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { useCan } from '../auth/current-user';
import { ReasonDialog } from '../common/ReasonDialog';
import { boundSince } from './installation-text';

/** Cài đặt: the key this office takes plans from (chosen by key on the first plan bundle), and the audited way to change it. */
export function ParentInstallationCard() {
  const { message } = App.useApp();
  const can = useCan();
  const [asking, setAsking] = useState(false);
  const bindings = useApiQuery('bundles.bindings', {});
  const reset = useApiMutation('bundles.resetParent', ['bundles.']);
  const parent = bindings.data?.parent;
  return (
    <Card title="Cơ quan cấp trên (theo mã khóa)" data-testid="parent-installation">
      {parent ? (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="Tên ghi trong gói">{parent.officeName}</Descriptions.Item>
            <Descriptions.Item label="Mã khóa"><Typography.Text code>{parent.fingerprint}</Typography.Text></Descriptions.Item>
            <Descriptions.Item label="Xác nhận">{`${parent.boundBy}, ${boundSince(parent)}`}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary">Kế hoạch và việc trả lại báo cáo chỉ được nhận khi ký bằng khóa này. Tên cơ quan cấp trên trong "Thông tin cơ quan" chỉ dùng để in trên văn bản.</Typography.Paragraph>
          {can('bundles.resetParent') && <Button danger onClick={() => setAsking(true)}>Đổi cơ quan cấp trên</Button>}
        </>
      ) : (
        <Typography.Paragraph>Chưa xác nhận. Khi nhận tệp gói kế hoạch đầu tiên, đối chiếu mã khóa với cơ quan cấp trên rồi chọn "Nhận làm cơ quan cấp trên".</Typography.Paragraph>
      )}
      <ReasonDialog
        open={asking}
        title="Đổi cơ quan cấp trên"
        explanation="Sau khi đổi, tệp gói kế hoạch tiếp theo sẽ hiện mã khóa để đối chiếu và xác nhận lại. Chỉ làm khi cơ quan cấp trên đã đổi máy hoặc xác nhận nhầm."
        okText="Đổi"
        onCancel={() => setAsking(false)}
        onConfirm={(reason) =>
          reset
            .mutateAsync({ reason })
            .then(() => {
              setAsking(false);
              message.success('Đã bỏ khóa cơ quan cấp trên; kế hoạch tiếp theo sẽ được hỏi xác nhận.');
            })
            .catch((e: Error) => message.error(e.message))
        }
      />
    </Card>
  );
}
