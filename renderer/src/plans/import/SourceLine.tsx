import type { ReactNode } from 'react';

/**
 * One line of the source as read, numbered; a page's first line says which page it is; the words OCR
 * was unsure of are underlined (wavy, orange) so the clerk checks them against the paper.
 */
export function SourceLine({ no, text, page, newPage, doubtful, current }: { no: number; text: string; page: number | undefined; newPage: boolean; doubtful: string[] | undefined; current: boolean }) {
  return (
    <>
      {newPage && page && <div style={{ color: '#999', borderTop: '1px dashed #ccc', margin: '6px 0 2px', fontSize: 12 }}>Trang {page}</div>}
      {text && (
        <div data-line={no} style={{ display: 'flex', gap: 8, background: current ? '#fff1b8' : undefined }}>
          <span style={{ color: '#999', minWidth: 32, textAlign: 'right' }}>{no}</span>
          <span>{doubtful?.length ? underline(text, new Set(doubtful)) : text}</span>
        </div>
      )}
    </>
  );
}

function underline(text: string, doubtful: Set<string>): ReactNode[] {
  return text.split(/(\s+)/).map((part, i) =>
    doubtful.has(part) ? (
      <span key={i} data-testid="ocr-doubt" title="Chữ nhận dạng chưa chắc chắn" style={{ textDecoration: 'underline wavy #fa8c16', textUnderlineOffset: 3 }}>
        {part}
      </span>
    ) : (
      part
    ),
  );
}
