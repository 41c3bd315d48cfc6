import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

/** The application menu, in Vietnamese. */
export function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { role: 'reload', label: 'Tải lại' },
        { type: 'separator' },
        { role: 'zoomIn', label: 'Phóng to' },
        { role: 'zoomOut', label: 'Thu nhỏ' },
        { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Toàn màn hình' },
      ],
    },
    {
      label: 'Trợ giúp',
      submenu: [
        {
          label: 'Giới thiệu',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'Dân vận',
              message: `Dân vận ${app.getVersion()}`,
              detail: 'Quản lý kế hoạch và báo cáo thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền.',
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
