import { Button, Space, Typography } from 'antd';
import type { Timeframe } from '../../../../shared/plans/plan-schemas';
import { timeframeText, timeframeWording } from '../../../../shared/plans/timeframe-text';

/**
 * What the document will print for a timeframe, in the source's own words: in red when those words are
 * not the chosen kind's (a scan's "Thuong xuyén" under "Thường xuyên"), with the kind's own wording offered.
 */
export function TimeframeWording({ timeframe, ordinal, onUseNearest }: { timeframe: Timeframe; ordinal: string; onUseNearest(): void }) {
  const printed = timeframeText(timeframe);
  const { exact, nearest } = timeframeWording(timeframe);
  return (
    <Space size={4} wrap data-testid={`timeframe-printed-${ordinal}`}>
      <Typography.Text type={exact ? 'secondary' : 'danger'}>
        In ra: “{printed || 'không ghi'}”{exact ? '' : ' – khác cách viết của lựa chọn'}
      </Typography.Text>
      {!exact && nearest && (
        <Button size="small" onClick={onUseNearest} aria-label={`Sửa thời gian nhiệm vụ ${ordinal} thành “${nearest}”`}>
          Sửa thành “{nearest}”
        </Button>
      )}
    </Space>
  );
}
