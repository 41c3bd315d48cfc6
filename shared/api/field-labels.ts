/** How each input field is named to the clerk in messages. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Tên',
  parentBody: 'Cơ quan chủ quản',
  level: 'Cấp',
  abbreviation: 'Chữ viết tắt',
  placeName: 'Địa danh',
  reportsTo: 'Cơ quan cấp trên nhận báo cáo',
  kind: 'Loại đơn vị',
  parentId: 'Đơn vị cấp trên',
  aliases: 'Tên gọi khác',
  id: 'Mã',
  memberIds: 'Đơn vị thuộc nhóm',
  direction: 'Hướng di chuyển',
  active: 'Trạng thái',
  includeInactive: 'Hiện đơn vị ngừng sử dụng',
  fileName: 'Tệp sao lưu',
};
