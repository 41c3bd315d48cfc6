import type { PlanContent } from '../../../shared/plans/plan-schemas';
import { documentNumberLine, dutySentences, paragraphs, taskLines, type NameOf } from '../../../shared/plans/plan-text';
import { formatPlaceAndDate } from '../../../shared/dates/vn-date';
import { signerLines } from '../../../shared/plans/signer-blocks';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** The plan laid out like the printed document (the same words as the .docx); printable with window.print(). */
export function PlanPaper({ content, nameOf, focusId }: { content: PlanContent; nameOf: NameOf; focusId?: string }) {
  let section = 0;
  const heading = (text: string) => <p className="dv-doc-heading">{`${ROMAN[section++]}. ${text.toUpperCase()}`}</p>;
  const organization = [...paragraphs(content.organization), ...dutySentences(content, nameOf)];
  const withMarks = (text: string) => text.replace(/\[\^(\d+)\]/g, (_, n: string) => `⁽${n}⁾`);
  return (
    <div className="dv-paper" data-testid="plan-paper">
      <table className="dv-doc-header">
        <tbody>
          <tr>
            <td>
              {content.issuerParent && <div>{content.issuerParent.toUpperCase()}</div>}
              <div className="dv-doc-issuer">{content.issuerName.toUpperCase()}</div>
              <div className="dv-doc-number">{documentNumberLine(content)}</div>
            </td>
            <td>
              <div className="dv-doc-bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
              <div className="dv-doc-motto">Độc lập - Tự do - Hạnh phúc</div>
              <div className="dv-doc-date">{content.issueDate ? formatPlaceAndDate(content.place, content.issueDate) : `${content.place}, ngày … tháng … năm …`}</div>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="dv-doc-type">KẾ HOẠCH</p>
      {paragraphs(content.title).map((line) => (
        <p key={line} className="dv-doc-subject">{line}</p>
      ))}
      <hr className="dv-doc-rule" />
      {content.bases.map((b, i) => (
        <p key={i} className="dv-doc-body dv-doc-italic">{`${b.replace(/[;.]+$/, '')}${i === content.bases.length - 1 ? '.' : ';'}`}</p>
      ))}
      {paragraphs(content.preamble).map((p, i) => <p key={i} className="dv-doc-body">{withMarks(p)}</p>)}
      {content.purposes && heading('MỤC ĐÍCH, YÊU CẦU')}
      {paragraphs(content.purposes).map((p, i) => <p key={i} className="dv-doc-body">{p}</p>)}
      {heading(content.tasksHeading || 'NỘI DUNG THỰC HIỆN')}
      {content.tasks.map((task) => (
        <div key={task.id} id={`task-${task.id}`} className={`task-${task.id}` === focusId ? 'dv-doc-task dv-doc-task-focus' : 'dv-doc-task'}>
          <p className="dv-doc-body"><b>{task.ordinal}. </b>{withMarks(task.body)}</p>
          {taskLines(task, content.attributeStyle, nameOf).map((line, i) => <p key={i} className="dv-doc-body">{withMarks(line)}</p>)}
        </div>
      ))}
      {content.budget && heading('KINH PHÍ THỰC HIỆN')}
      {paragraphs(content.budget).map((p, i) => <p key={i} className="dv-doc-body">{p}</p>)}
      {organization.length > 0 && heading('TỔ CHỨC THỰC HIỆN')}
      {organization.map((p, i) => <p key={i} className="dv-doc-body">{withMarks(p)}</p>)}
      {paragraphs(content.closing).map((p, i) => <p key={i} className="dv-doc-body">{p}</p>)}
      <table className="dv-doc-footer">
        <tbody>
          <tr>
            <td>
              <div className="dv-doc-recipients-title">Nơi nhận:</div>
              {content.recipients.map((r, i) => (
                <div key={i} className="dv-doc-recipient">{`- ${r.replace(/[;.]+$/, '')}${i === content.recipients.length - 1 ? '.' : ';'}`}</div>
              ))}
            </td>
            <td className="dv-doc-signer">
              {signerLines(content.signerAuthority, content.signerTitle).map((line, i) => <div key={i}>{line}</div>)}
              <div className="dv-doc-sign-space" />
              <div>{content.signerName}</div>
            </td>
          </tr>
        </tbody>
      </table>
      {content.footnotes.length > 0 && (
        <div className="dv-doc-footnotes">
          {content.footnotes.map((f) => <p key={f.marker}>{`${f.marker} ${f.text}`}</p>)}
        </div>
      )}
    </div>
  );
}
