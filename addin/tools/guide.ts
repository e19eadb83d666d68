// What the IT officer copies where and checks: printed at the end of npm run build:addin and written,
// as one page, into the ready-to-share folder of da06 addin (HUONG-DAN-CAI-DAT.txt).
import { OFFICE_JS_DIR, type OfficeJsSource } from './build';

export interface DeploymentGuideOptions {
  baseUrl: string;
  officeJs: OfficeJsSource;
  /** The folder whose whole content goes onto the web server, as the reader sees it. */
  webDir: string;
  /** The manifest to hand out, as the reader sees it. */
  manifest: string;
  officeJsVersion: string;
}

/** The steps for the web server: copy, HTTPS, Office.js, a check from a user's machine. */
export function serverSteps(o: DeploymentGuideOptions): string[] {
  const page = `${o.baseUrl}taskpane.html`;
  return [
    `1. Chép toàn bộ thư mục ${o.webDir} lên máy chủ web, sao cho địa chỉ ${page} mở được trang của ngăn.`,
    '2. Máy chủ phải phục vụ qua HTTPS với chứng chỉ hợp lệ mà mọi máy dùng Excel tin cậy (chứng chỉ của CA nội bộ được, nếu các máy',
    '   đã cài CA đó). Excel không mở phần bổ trợ qua http hoặc khi chứng chỉ lỗi, hết hạn, sai tên máy chủ.',
    ...(o.officeJs === 'local'
      ? [`3. Office.js ${o.officeJsVersion} của Microsoft nằm sẵn trong ${o.webDir}${OFFICE_JS_DIR}${o.webDir.slice(-1)} (chép cùng): các máy dùng Excel không cần ra Internet.`]
      : [
          '3. Office.js tải từ CDN của Microsoft: mọi máy dùng Excel phải truy cập được https://appsforoffice.microsoft.com. Mạng nội bộ',
          '   không ra Internet: dựng lại với Office.js kèm theo (DA06_OFFICEJS=local npm run build:addin, hoặc da06 addin --officejs local).',
        ]),
    `4. Kiểm tra từ một máy dùng Excel: mở ${page} bằng trình duyệt. Trang báo "Hãy mở ngăn này trong Excel" là đúng (Office.js đã tải).`,
    '   Trang báo "Không tải được Office.js" nghĩa là địa chỉ nêu trong thông báo bị chặn; không mở được trang: xem lại địa chỉ và chứng chỉ.',
    `5. Tệp ${o.manifest} trỏ tới ${o.baseUrl}: phát cho người dùng qua một thư mục dùng chung (danh mục phần bổ trợ tin cậy).`,
  ];
}

/** HUONG-DAN-CAI-DAT.txt: one page, for the shared-folder catalog; CRLF and a BOM so Notepad on any Windows reads it. */
export function installGuide(o: DeploymentGuideOptions & { version: string }): string {
  const lines = [
    'HƯỚNG DẪN CÀI ĐẶT PHẦN BỔ TRỢ EXCEL ĐỀ ÁN 06',
    `(Kế hoạch 210/KH-UBND tỉnh Thanh Hóa) - phiên bản ${o.version}, địa chỉ ${o.baseUrl}`,
    '',
    'Thư mục này gồm:',
    `  ${o.webDir.padEnd(22)} các trang của phần bổ trợ, chép lên máy chủ web`,
    `  ${'manifest.xml'.padEnd(22)} tệp khai báo phần bổ trợ, đặt vào thư mục dùng chung`,
    `  ${'HUONG-DAN-CAI-DAT.txt'.padEnd(22)} hướng dẫn này`,
    '',
    'A. CÁN BỘ CNTT (một lần cho cả cơ quan)',
    ...serverSteps(o),
    '6. Tạo thư mục dùng chung trên máy chủ tệp, ví dụ \\\\MAY-CHU\\Da06, chép manifest.xml vào, cho người dùng quyền đọc.',
    '   Nhiều máy: khai báo danh mục tin cậy này bằng Group Policy thay cho bước B.1-B.2.',
    '',
    'B. TRÊN TỪNG MÁY DÙNG EXCEL (Windows)',
    '1. Excel: File > Options > Trust Center > Trust Center Settings... > Trusted Add-in Catalogs',
    '   (Tệp > Tùy chọn > Trung tâm Tin cậy > Thiết đặt Trung tâm Tin cậy > Danh mục Phần bổ trợ Tin cậy).',
    '2. Ô Catalog Url: nhập \\\\MAY-CHU\\Da06, bấm Add catalog, đánh dấu Show in Menu, bấm OK. Đóng hẳn Excel rồi mở lại.',
    '3. Insert > My Add-ins (Chèn > Phần bổ trợ của tôi) > thẻ SHARED FOLDER (THƯ MỤC DÙNG CHUNG) > Đề án 06 > Add.',
    '   Tab Đề án 06 xuất hiện trên thanh công cụ, với các nút Kiểm tra báo cáo, Tổng hợp, Xóa đánh dấu.',
    '',
    'C. PHIÊN BẢN EXCEL',
    'Cần Excel 2019 trở lên (kể cả bản cấp phép số lượng lớn, dùng Internet Explorer 11 để hiển thị ngăn), Microsoft 365 hoặc',
    'Excel trên web. Excel 2013, Excel 2016 bản mua một lần không đủ chức năng: kiểm tra tệp bằng lệnh da06 validate trên máy của',
    'Văn phòng Tổ công tác, hoặc mở tệp bằng Excel trên web.',
    '',
    'D. NÂNG CẤP',
    'Dựng lại bằng da06 addin với cùng địa chỉ, chép đè thư mục web và manifest.xml; người dùng đóng hẳn Excel rồi mở lại.',
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
