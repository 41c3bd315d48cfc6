import { Col, Input, Row, Select } from 'antd';
import { matchingBlock, signerBlockLabel, signerBlocksFor, signerLines } from '../../../shared/plans/signer-blocks';
import { useApiQuery } from '../api/hooks';

export interface SignerValue {
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
}

const OTHER = -1;

/**
 * Who signs a document: a block chosen among this office's usual ones (Nghị định 30/2020: "TM. ỦY BAN
 * NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" …) or typed, the authority one
 * line per printed line; then the name.
 */
export function SignerFields({ value, onChange }: { value: SignerValue; onChange(patch: Partial<SignerValue>): void }) {
  const office = useApiQuery('office.get', {});
  const blocks = office.data ? signerBlocksFor(office.data) : [];
  const chosen = matchingBlock(blocks, value.signerAuthority, value.signerTitle);
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <div>Khối chữ ký</div>
        <Select
          aria-label="Khối chữ ký"
          style={{ width: '100%' }}
          value={chosen}
          onChange={(i: number) => i !== OTHER && onChange({ signerAuthority: blocks[i]!.authority, signerTitle: blocks[i]!.title })}
          options={[...blocks.map((b, i) => ({ value: i, label: signerBlockLabel(b) })), { value: OTHER, label: chosen === OTHER && value.signerTitle ? `Khác: ${signerLines(value.signerAuthority, value.signerTitle).join(' / ')}` : 'Khác (tự gõ)' }]}
        />
      </Col>
      <Col xs={24} md={6}>
        <div>Thẩm quyền ký (TM., KT., … mỗi dòng một dòng)</div>
        <Input.TextArea aria-label="Thẩm quyền ký" autoSize={{ minRows: 1, maxRows: 4 }} value={value.signerAuthority} onChange={(e) => onChange({ signerAuthority: e.target.value })} />
      </Col>
      <Col xs={24} md={5}>
        <div>Chức vụ người ký</div>
        <Input aria-label="Chức vụ người ký" value={value.signerTitle} onChange={(e) => onChange({ signerTitle: e.target.value })} />
      </Col>
      <Col xs={24} md={5}>
        <div>Người ký</div>
        <Input aria-label="Người ký" value={value.signerName} onChange={(e) => onChange({ signerName: e.target.value })} />
      </Col>
    </Row>
  );
}
