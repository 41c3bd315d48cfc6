import { Button, Space, Typography } from 'antd';
import type { CutoffPeriod } from '../../../../shared/plans/reporting-periods';
import { formatVnDate } from '../../../../shared/dates/vn-date';
import { DateField } from './fields';

/**
 * A periodic report's data cut-off window: Nghị định 09/2019's, or the plan's own when it sets another
 * ("số liệu tính từ ngày … đến ngày …"), which the BÁO CÁO then cites.
 */
export function CutoffFields(props: {
  index: number;
  own: CutoffPeriod | undefined;
  byDecree: CutoffPeriod | null;
  /** How to change the latest window: a date picker may report its date after the other one changed (a busy PC), and must not bring the other's old date back. */
  onChange(update: (own: CutoffPeriod | undefined) => CutoffPeriod | undefined): void;
}) {
  const { own, byDecree, index } = props;
  if (!own && !byDecree) return null;
  if (!own) {
    return (
      <Space wrap>
        <Typography.Text type="secondary">Thời gian chốt số liệu (NĐ 09/2019): {formatVnDate(byDecree!.from)} – {formatVnDate(byDecree!.to)}</Typography.Text>
        <Button size="small" type="link" onClick={() => props.onChange(() => ({ ...byDecree! }))}>Kế hoạch quy định thời gian khác…</Button>
      </Space>
    );
  }
  return (
    <Space wrap style={{ marginTop: 8 }}>
      <Typography.Text>Chốt số liệu theo kế hoạch: từ ngày</Typography.Text>
      <DateField label={`Chốt số liệu từ ngày ${index}`} value={own.from} onChange={(from) => from && props.onChange((latest) => latest && { ...latest, from })} />
      <Typography.Text>đến ngày</Typography.Text>
      <DateField label={`Chốt số liệu đến ngày ${index}`} value={own.to} onChange={(to) => to && props.onChange((latest) => latest && { ...latest, to })} />
      {byDecree && <Button size="small" type="link" onClick={() => props.onChange(() => undefined)}>Dùng thời gian theo NĐ 09/2019</Button>}
    </Space>
  );
}
