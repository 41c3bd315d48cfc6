import { useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import type { InstallationBindings } from '../../../shared/bundles/bundle-schemas';
import { useApiMutation } from '../api/hooks';
import { useCan } from '../auth/current-user';
import { ReasonDialog } from '../common/ReasonDialog';
import { boundSince } from '../bundles/installation-text';

type Bound = InstallationBindings['units'][number];

/** The installation a unit reports from (fingerprint, since when, last bundle), and the audited way to unbind it. */
export function UnitInstallationCell({ unitName, bound }: { unitName: string; bound: Bound | undefined }) {
  const { message } = App.useApp();
  const can = useCan();
  const [asking, setAsking] = useState(false);
  const unbind = useApiMutation('bundles.unbindUnit', ['bundles.']);
  if (!bound) return <Typography.Text type="secondary">Chưa gắn máy</Typography.Text>;
  return (
    <Space direction="vertical" size={0} data-testid="unit-installation">
      <Typography.Text code>{bound.fingerprint}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{boundSince(bound)}</Typography.Text>
      {can('bundles.unbindUnit') && <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setAsking(true)}>Gỡ máy đã gắn</Button>}
      <ReasonDialog
        open={asking}
        title={`Gỡ máy đã gắn với ${unitName}`}
        explanation={`Sau khi gỡ, tệp gói đầu tiên từ máy mới của ${unitName} sẽ hiện mã khóa để đối chiếu và gắn lại. Chỉ làm khi đơn vị đã cài lại máy hoặc dùng máy khác.`}
        okText="Gỡ máy"
        onCancel={() => setAsking(false)}
        onConfirm={(reason) =>
          unbind
            .mutateAsync({ unitId: bound.unitId, reason })
            .then(() => {
              setAsking(false);
              message.success(`Đã gỡ máy đã gắn với ${unitName}.`);
            })
            .catch((e: Error) => message.error(e.message))
        }
      />
    </Space>
  );
}
