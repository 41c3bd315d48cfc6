import { Col, Input, InputNumber, Radio, Row, Typography } from 'antd';
import type { PlanContent } from '../../../../shared/plans/plan-schemas';
import { withPlanYear } from '../../../../shared/plans/plan-period';
import { DateField } from './fields';

interface Props {
  content: PlanContent;
  received: boolean;
  errors: Record<string, string>;
  onChange(patch: Partial<PlanContent>): void;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function Field({ label, error, children }: { label: string; error?: string; children: React.ReactNode }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <div style={{ marginBottom: 4 }}>{label}</div>
      {children}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </div>
  );
}

/** The document's header, opening and closing parts. */
export function HeaderEditor({ content: c, received, errors, onChange }: Props) {
  const text = (key: keyof PlanContent, label: string, rows = 0, placeholder = '') => (
    <Field label={label} error={errors[key]}>
      {rows ? (
        <Input.TextArea aria-label={label} autoSize={{ minRows: rows, maxRows: 16 }} value={c[key] as string} placeholder={placeholder} status={errors[key] ? 'error' : undefined} onChange={(e) => onChange({ [key]: e.target.value })} />
      ) : (
        <Input aria-label={label} value={c[key] as string} placeholder={placeholder} status={errors[key] ? 'error' : undefined} onChange={(e) => onChange({ [key]: e.target.value })} />
      )}
    </Field>
  );
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>{text('issuerParent', 'Cơ quan chủ quản', 0, 'Ví dụ: UBND TỈNH QUẢNG NGÃI')}</Col>
        <Col xs={24} md={12}>{text('issuerName', 'Cơ quan ban hành')}</Col>
      </Row>
      <Row gutter={16}>
        {received && <Col xs={12} md={4}>{text('number', 'Số')}</Col>}
        <Col xs={12} md={5}>{text('symbol', 'Ký hiệu', 0, 'KH-UBND')}</Col>
        <Col xs={12} md={5}>{text('place', 'Địa danh')}</Col>
        {received && (
          <Col xs={12} md={5}>
            <Field label="Ngày ban hành" error={errors.issueDate}><DateField label="Ngày ban hành" value={c.issueDate} onChange={(issueDate) => onChange({ issueDate })} /></Field>
          </Col>
        )}
        <Col xs={12} md={4}>
          <Field label="Năm" error={errors.year}><InputNumber aria-label="Năm" min={2000} max={2100} value={c.year} onChange={(year) => { if (year) { const { periodStart, periodEnd } = withPlanYear(c, year); onChange({ year, periodStart, periodEnd }); } }} /></Field>
        </Col>
      </Row>
      {text('title', 'Trích yếu (tên kế hoạch)', 1)}
      <Row gutter={16}>
        <Col>
          <Field label="Thời gian của kế hoạch: từ ngày" error={errors.periodStart}><DateField label="Từ ngày" value={c.periodStart} onChange={(v) => v && onChange({ periodStart: v })} /></Field>
        </Col>
        <Col>
          <Field label="đến ngày" error={errors.periodEnd}><DateField label="Đến ngày" value={c.periodEnd} onChange={(v) => v && onChange({ periodEnd: v })} /></Field>
        </Col>
      </Row>
      <Field label="Căn cứ (mỗi căn cứ một dòng, in nghiêng)" error={errors.bases}>
        <Input.TextArea aria-label="Căn cứ" autoSize={{ minRows: 2, maxRows: 10 }} defaultValue={c.bases.join('\n')} onChange={(e) => onChange({ bases: lines(e.target.value) })} placeholder="Căn cứ Kế hoạch số 14/KH-UBND ngày 19/01/2026 của UBND tỉnh Quảng Ngãi …" />
      </Field>
      {text('preamble', 'Phần mở đầu', 2, 'Thực hiện Kế hoạch số … của …, UBND xã … ban hành Kế hoạch … như sau:')}
      {text('purposes', 'I. Mục đích, yêu cầu (mỗi đoạn một dòng)', 4)}
      <Row gutter={16}>
        <Col xs={24} md={12}>{text('tasksHeading', 'Tiêu đề phần nhiệm vụ', 0, 'NỘI DUNG THỰC HIỆN')}</Col>
        <Col xs={24} md={12}>
          <Field label="Cách ghi đơn vị, thời gian dưới mỗi nhiệm vụ">
            <Radio.Group value={c.attributeStyle} onChange={(e) => onChange({ attributeStyle: e.target.value })} options={[{ value: 'dash', label: '- Cơ quan chủ trì: …' }, { value: 'lettered', label: 'a) Cơ quan chủ trì: …' }]} />
          </Field>
        </Col>
      </Row>
    </>
  );
}

/** Budget, organisation, closing, recipients and signer. */
export function FooterEditor({ content: c, errors, onChange }: Omit<Props, 'received'>) {
  const area = (key: 'budget' | 'organization' | 'closing', label: string, rows: number) => (
    <Field label={label} error={errors[key]}>
      <Input.TextArea aria-label={label} autoSize={{ minRows: rows, maxRows: 16 }} value={c[key]} onChange={(e) => onChange({ [key]: e.target.value })} />
    </Field>
  );
  return (
    <>
      {area('budget', 'III. Kinh phí thực hiện', 2)}
      {area('organization', 'IV. Tổ chức thực hiện (các yêu cầu báo cáo chưa ghi ở đây sẽ được thêm tự động)', 4)}
      {area('closing', 'Phần kết', 1)}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field label="Nơi nhận (mỗi nơi một dòng)" error={errors.recipients}>
            <Input.TextArea aria-label="Nơi nhận" autoSize={{ minRows: 4, maxRows: 12 }} defaultValue={c.recipients.join('\n')} onChange={(e) => onChange({ recipients: lines(e.target.value) })} />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label="Thẩm quyền ký (TM., KT., …)"><Input aria-label="Thẩm quyền ký" value={c.signerAuthority} onChange={(e) => onChange({ signerAuthority: e.target.value })} /></Field>
          <Field label="Chức vụ người ký"><Input aria-label="Chức vụ người ký" value={c.signerTitle} onChange={(e) => onChange({ signerTitle: e.target.value })} /></Field>
          <Field label="Họ tên người ký"><Input aria-label="Họ tên người ký" value={c.signerName} onChange={(e) => onChange({ signerName: e.target.value })} /></Field>
        </Col>
      </Row>
    </>
  );
}
