import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ImportedName, ImportResult, NameTarget } from '../../../../shared/import/parsed-plan';
import { ROLE_FIELDS } from '../editor/TaskEditor';
import { TimeframeWording } from '../editor/TimeframeWording';
import { DUTY_KIND_LABELS } from '../../../../shared/plans/plan-schemas';
import { SourceLine } from './SourceLine';
import { formatVnDate } from '../../../../shared/dates/vn-date';
import { useApiMutation } from '../../api/hooks';
import { useUnitNames } from '../../units/use-unit-names';
import { foldedOptionFilter } from '../../common/folded-filter';

type Target = NameTarget;
const encode = (t: Target) => (t.type === 'unit' ? `u:${t.unitId}` : t.type === 'group' ? `g:${t.groupId}` : 'x');
const decode = (v: string): Target => (v.startsWith('u:') ? { type: 'unit', unitId: v.slice(2) } : v.startsWith('g:') ? { type: 'group', groupId: v.slice(2) } : { type: 'external' });

/** The plan as understood, next to its source: each field links to its line, doubtful ones marked; names mapped to the office's units. */
export function ImportReview({ result, onCancel, onSaved }: { result: ImportResult; onCancel(): void; onSaved(id: string): void }) {
  const { parsed, sourceLines, sourcePages } = result;
  // What will be saved, and so printed: the clerk's corrections made here (a timeframe's wording) go into it.
  const [content, setContent] = useState(result.content);
  const doubtful = new Map((result.ocr?.doubts ?? []).map((d) => [d.line, d.words]));
  const names = useUnitNames();
  const save = useApiMutation('imports.save', ['plans.', 'overview.']);
  const [targets, setTargets] = useState(() => new Map(result.names.map((n) => [n.name, n.target])));
  const [line, setLine] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sourceRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (line) sourceRef.current?.querySelector(`[data-line="${line}"]`)?.scrollIntoView({ block: 'center' });
  }, [line]);

  const at = (n: number | undefined) =>
    n ? <Button type="link" size="small" onClick={() => setLine(n)}>{sourcePages[n - 1] ? `trang ${sourcePages[n - 1]}, dòng ${n}` : `dòng ${n}`}</Button> : null;
  const doubt = (field: string) => parsed.doubts.find((d) => d.field === field);
  const field = (label: string, value: string | null, key: string) => (
    <Descriptions.Item label={label}>
      <Space wrap>
        <span>{value || '—'}</span>
        {doubt(key) && <Tag color="orange">{doubt(key)!.message}</Tag>}
        {at(parsed.lines[key])}
      </Space>
    </Descriptions.Item>
  );

  const onSave = async (kind: 'own' | 'received') => {
    setError(null);
    try {
      const plan = await save.mutateAsync({ kind, content, names: [...targets].map(([name, target]) => ({ name, target })) });
      onSaved(plan.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const options = [
    { label: 'Giữ nguyên tên (cơ quan ngoài)', value: 'x' },
    { label: 'Nhóm đơn vị', options: names.groups.filter((g) => g.active).map((g) => ({ value: `g:${g.id}`, label: g.name })) },
    { label: 'Đơn vị', options: names.units.filter((u) => u.active).map((u) => ({ value: `u:${u.id}`, label: u.name })) },
  ];

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space>
          <Button onClick={onCancel}>← Chọn văn bản khác</Button>
          <Typography.Text strong>Kiểm tra kế hoạch đọc được ({parsed.tasks.length} nhiệm vụ)</Typography.Text>
        </Space>
        <Space>
          <Button loading={save.isPending} onClick={() => onSave('own')}>Lưu làm dự thảo của cơ quan</Button>
          <Button type="primary" loading={save.isPending} onClick={() => onSave('received')}>Lưu làm kế hoạch cấp trên</Button>
        </Space>
      </Space>
      {error && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={error} />}
      {result.ocr && (
        <Alert
          style={{ marginBottom: 8 }}
          type="info"
          showIcon
          message={`${result.ocr.pages.length === 1 ? 'Trang' : 'Các trang'} ${result.ocr.pages.join(', ')} là ảnh quét, chữ được nhận dạng tự động (độ tin cậy ${result.ocr.confidence}%). Những chữ gạch chân ở văn bản gốc là chữ nhận dạng chưa chắc chắn: hãy đối chiếu với bản giấy.`}
        />
      )}
      {parsed.warnings.map((w) => <Alert key={w} style={{ marginBottom: 8 }} type="warning" showIcon message={w} />)}
      <Row gutter={16}>
        <Col span={10}>
          <Card size="small" title="Văn bản gốc" styles={{ body: { maxHeight: '75vh', overflow: 'auto', fontFamily: 'Times New Roman, serif', fontSize: 13 } }}>
            <div ref={sourceRef} data-testid="source-text">
              {sourceLines.map((text, i) => (
                <SourceLine key={i} no={i + 1} text={text} page={sourcePages[i]} newPage={i > 0 && sourcePages[i] !== sourcePages[i - 1]} doubtful={doubtful.get(i + 1)} current={line === i + 1} />
              ))}
            </div>
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title="Thông tin văn bản" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1} bordered>
              {field('Số, ký hiệu', parsed.documentNumber ?? (parsed.symbol ? `…/${parsed.symbol}` : null), 'documentNumber')}
              {field('Ngày ban hành', parsed.issueDate ? formatVnDate(parsed.issueDate) : null, 'issueDate')}
              {field('Cơ quan ban hành', parsed.issuer, 'issuer')}
              {field('Trích yếu', parsed.title, 'title')}
              {field('Người ký', [parsed.signerTitle, parsed.signerName].filter(Boolean).join(' – '), 'signerName')}
            </Descriptions>
          </Card>
          <Card size="small" title={`Tên đơn vị trong văn bản (${result.names.length}) – chọn đơn vị tương ứng của cơ quan`} style={{ marginBottom: 12 }}>
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              dataSource={result.names}
              columns={[
                { title: 'Tên như trong văn bản', dataIndex: 'name' },
                { title: '', dataIndex: 'source', width: 110, render: (s: ImportedName['source']) => (s === 'remembered' ? <Tag color="blue">đã chọn lần trước</Tag> : s === 'matched' ? <Tag color="green">trùng tên</Tag> : s === 'similar' ? <Tag color="gold">gần giống, kiểm tra</Tag> : <Tag color="orange">cần chọn</Tag>) },
                {
                  title: 'Đơn vị của cơ quan',
                  width: 300,
                  render: (_: unknown, n: ImportedName) => (
                    <Select aria-label={`Đơn vị cho "${n.name}"`} showSearch filterOption={foldedOptionFilter} optionFilterProp="label" style={{ width: '100%' }} value={encode(targets.get(n.name) ?? n.target)} onChange={(v: string) => setTargets(new Map(targets).set(n.name, decode(v)))} options={options} />
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title="Nhiệm vụ" style={{ marginBottom: 12 }}>
            <List
              size="small"
              dataSource={parsed.tasks}
              renderItem={(t, index) => (
                <List.Item data-testid={`imported-task-${t.ordinal}`}>
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>{t.ordinal}.</Typography.Text>
                      <Typography.Text>{t.body.replace(/\[\^\d+\]/g, '').slice(0, 160)}{t.body.length > 160 ? '…' : ''}</Typography.Text>
                      {at(t.line)}
                    </Space>
                    {t.subtasks.length > 0 && <Typography.Text type="secondary">{t.subtasks.length} ý nhỏ</Typography.Text>}
                    {ROLE_FIELDS.map(([role, label]) =>
                      t[role].length ? <Typography.Text key={role} type="secondary">{label}: {t[role].join('; ')}</Typography.Text> : null,
                    )}
                    <Space size={4} wrap>
                      <Typography.Text type="secondary">Thời gian:</Typography.Text>
                      <TimeframeWording
                        timeframe={content.tasks[index]!.timeframe}
                        ordinal={t.ordinal}
                        onUseNearest={() => setContent({ ...content, tasks: content.tasks.map((task, i) => (i === index ? { ...task, timeframe: { ...task.timeframe, text: '' } } : task)) })}
                      />
                    </Space>
                    {t.doubts.map((d) => <Tag key={d.field + d.message} color="orange">{d.message}</Tag>)}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title="Yêu cầu báo cáo">
            {parsed.reportingDeadlines.length === 0 && <Typography.Text type="secondary">Không thấy hạn báo cáo nào; có thể thêm sau khi lưu.</Typography.Text>}
            {parsed.reportingDeadlines.map((d) => (
              <div key={d.kind + d.dueDate}>
                <Space wrap>
                  <Tag>{DUTY_KIND_LABELS[d.kind]}</Tag>
                  <Typography.Text strong>{formatVnDate(d.dueDate)}</Typography.Text>
                  <Typography.Text type="secondary">{d.text}</Typography.Text>
                  {at(d.line)}
                </Space>
              </div>
            ))}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
