/** What each table holds, for the README of an export (tables added later are listed by name). */
const TABLE_NOTES: Record<string, string> = {
  installation: 'mã cài đặt và khóa công khai dùng để kiểm tra chữ ký (khóa bí mật không được xuất)',
  office: 'thông tin cơ quan',
  unit: 'các đơn vị báo cáo (thôn, tổ dân phố, phòng ban…)',
  unit_alias: 'tên gọi khác của đơn vị',
  unit_group: 'nhóm đơn vị (ví dụ "Các thôn")',
  unit_group_member: 'đơn vị thuộc nhóm',
  plan: 'kế hoạch: toàn văn ở cột content_json (nhiệm vụ, đơn vị, thời hạn, yêu cầu báo cáo)',
  plan_revision: 'các lần ban hành và sửa đổi kế hoạch, mỗi lần một bản đầy đủ và lý do',
  plan_task: 'nhiệm vụ của kế hoạch (bản sao để tra cứu)',
  plan_task_unit: 'đơn vị chủ trì, phối hợp, thực hiện từng nhiệm vụ',
  plan_duty: 'yêu cầu báo cáo của kế hoạch (loại, hạn)',
  plan_duty_unit: 'đơn vị phải báo cáo',
  received_obligation: 'nhiệm vụ cơ quan thực hiện và báo cáo cơ quan phải gửi trong kế hoạch nhận từ cấp trên (theo cơ quan gửi)',
  report: 'báo cáo của các đơn vị: nội dung ở content_json, tệp đính kèm ghi theo mã sha256',
  report_revision: 'mỗi lần đơn vị gửi báo cáo, một bản đầy đủ',
  report_event: 'nhật ký báo cáo: gửi, tiếp nhận, trả lại (ai, lúc nào, lý do)',
  report_task_entry: 'tình trạng từng nhiệm vụ trong báo cáo',
  office_report: 'phần nhận xét của cơ quan trong báo cáo tổng hợp',
  own_report: 'báo cáo của cơ quan gửi cấp trên theo kế hoạch nhận được',
  attachment: 'tệp đính kèm (mã sha256, kích thước, loại); tệp nằm trong thư mục tep-dinh-kem',
  setting: 'các thiết lập của ứng dụng',
  outbox_item: 'gói tin chờ gửi qua mạng',
  known_sender: 'cơ quan đã xác nhận khóa ký',
  unit_installation: 'máy (khóa ký) gắn với từng đơn vị báo cáo',
  parent_installation: 'khóa ký của cơ quan cấp trên đã xác nhận',
  refused_file: 'tệp gói đã bị từ chối (theo mã băm), hộp thư đến không đọc lại',
  imported_bundle: 'gói tin đã nhận: kế hoạch, yêu cầu báo cáo, máy và đơn vị báo cáo mà gói nói đến',
  sent_bundle: 'gói tin đã gửi và tình trạng; kế hoạch, yêu cầu báo cáo mà gói nói đến',
};

export interface ReadmeFacts {
  officeName: string;
  exportedAt: string;
  schemaVersion: number;
  tables: { name: string; rows: number }[];
  omittedColumns: string[];
  skippedTables: string[];
  attachments: number;
  missingAttachments: string[];
  planDocuments: number;
  reportDocuments: number;
  failedDocuments: string[];
}

/** README.txt of the archive, in Vietnamese, for a successor or an auditor who does not have the app. */
export function archiveReadme(f: ReadmeFacts): string {
  const lines = [
    'DÂN VẬN – TOÀN BỘ DỮ LIỆU',
    '',
    `Cơ quan: ${f.officeName}`,
    `Xuất lúc: ${f.exportedAt}`,
    `Phiên bản dữ liệu: ${f.schemaVersion}`,
    '',
    'Tệp nén này chứa toàn bộ kế hoạch, báo cáo, tệp đính kèm và nhật ký của ứng dụng Dân vận tại cơ quan trên,',
    'để người kế nhiệm hoặc cơ quan kiểm tra đọc được mà không cần cài ứng dụng. Giải nén bằng chương trình',
    'bất kỳ (Windows: nhấp chuột phải vào tệp, chọn "Extract All"). Các tệp .docx mở bằng Word hoặc LibreOffice;',
    'các tệp .json là văn bản (UTF-8), mở bằng Notepad hoặc trình duyệt.',
    '',
    'NỘI DUNG',
    `- van-ban/ke-hoach/: mỗi kế hoạch một văn bản Word theo thể thức Nghị định 30/2020/NĐ-CP (${f.planDocuments} tệp).`,
    `- van-ban/bao-cao-tong-hop/: báo cáo tổng hợp của cơ quan, từ các báo cáo đã tiếp nhận của đơn vị (${f.reportDocuments} tệp).`,
    `- tep-dinh-kem/: tệp minh chứng đính kèm báo cáo (${f.attachments} tệp). Tên tệp là mã SHA-256 của nội dung;`,
    '  trong du-lieu/report.json, mỗi tệp đính kèm ghi tên gốc ("name") và mã ("sha256") để tra.',
    '- du-lieu/: mỗi bảng dữ liệu một tệp JSON, mỗi phần tử là một bản ghi. Các cột có tên kết thúc bằng _json',
    '  (nội dung kế hoạch, báo cáo) đã được giải sẵn thành đối tượng JSON.',
    '- thong-tin.json: thời điểm xuất, phiên bản dữ liệu, số bản ghi của từng bảng.',
    '',
    'CÁC BẢNG DỮ LIỆU (số bản ghi)',
    ...f.tables.map((t) => `- ${t.name}.json (${t.rows}): ${TABLE_NOTES[t.name] ?? `bảng ${t.name}`}`),
    '',
    'NGÀY GIỜ',
    '- Ngày dạng 2026-11-23 là ngày 23/11/2026.',
    '- Thời điểm dạng 2026-11-23T13:05:01.123Z là giờ quốc tế (UTC); giờ Việt Nam = UTC + 7 giờ (ví dụ này là 20:05).',
    '',
    'BẢO MẬT',
    '- Tệp nén này KHÔNG được mã hóa, kể cả khi dữ liệu trên máy được mã hóa ("Mã hóa dữ liệu trên máy"): nó dành',
    '  cho người đọc không có ứng dụng. Hãy giữ và chuyển giao nó cẩn thận như hồ sơ giấy.',
    '',
    'KHÔNG CÓ TRONG TỆP NÀY',
    `- Khóa bí mật dùng để ký gói tin và mọi mật khẩu (các cột: ${f.omittedColumns.length ? f.omittedColumns.join(', ') : 'không có'}), để bảo mật.`,
    `- Bảng chỉ mục tìm kiếm (${f.skippedTables.length ? f.skippedTables.join(', ') : 'không có'}): chỉ là bản sao để tìm nhanh, tạo lại được từ plan.json.`,
  ];
  if (f.missingAttachments.length) {
    lines.push('', 'TỆP ĐÍNH KÈM KHÔNG CÓ TRÊN MÁY KHI XUẤT', ...f.missingAttachments.map((h) => `- ${h}`));
  }
  if (f.failedDocuments.length) {
    lines.push('', 'VĂN BẢN KHÔNG TẠO ĐƯỢC (nội dung vẫn có trong du-lieu/)', ...f.failedDocuments.map((d) => `- ${d}`));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
