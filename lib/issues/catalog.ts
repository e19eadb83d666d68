// The one catalogue of everything da06 can say about a returned file. Codes are stable: tools and
// people refer to them; never rename one, add a new code instead.

export type Severity = 'error' | 'warning';

export interface IssueSpec {
  severity: Severity;
  /** Short Vietnamese title, for lists and the generated reference. */
  title: string;
  /** Vietnamese sentence with {placeholders}: what is wrong, and how to fix it. The position is prefixed when known. */
  message: string;
  /** Blocks consolidation: the file is rejected, its values are not taken into the summary. */
  blocks?: boolean;
}

export const ISSUE_CATALOG = {
  // --- the file itself: nothing can be read ---
  'file/not-found': { severity: 'error', blocks: true, title: 'Không tìm thấy tệp', message: 'Không tìm thấy hoặc không mở được tệp ({detail}). Kiểm tra lại đường dẫn.' },
  'file/empty': { severity: 'error', blocks: true, title: 'Tệp rỗng', message: 'Tệp không có nội dung (0 byte). Lưu lại biểu mẫu trong Excel rồi gửi lại.' },
  'file/not-zip': { severity: 'error', blocks: true, title: 'Không phải tệp Excel', message: 'Tệp không phải tệp Excel .xlsx ({detail}). Mở biểu mẫu da06 đã nhận, nhập số liệu và lưu dạng .xlsx.' },
  'file/corrupt': { severity: 'error', blocks: true, title: 'Tệp bị hỏng', message: 'Tệp .xlsx bị hỏng hoặc không đầy đủ ({detail}). Mở lại tệp trong Excel, lưu lại, rồi gửi lại.' },
  'file/encrypted': { severity: 'error', blocks: true, title: 'Tệp có mật khẩu', message: 'Tệp được đặt mật khẩu mở nên không đọc được. Bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc), lưu lại rồi gửi lại.' },
  'file/xls': { severity: 'error', blocks: true, title: 'Định dạng .xls cũ', message: 'Tệp ở định dạng Excel 97-2003 (.xls). Dùng biểu mẫu .xlsx của kỳ này, hoặc lưu lại dạng "Sổ làm việc Excel (.xlsx)".' },
  'file/xlsb': { severity: 'error', blocks: true, title: 'Định dạng .xlsb', message: 'Tệp ở định dạng nhị phân .xlsb. Lưu lại dạng "Sổ làm việc Excel (.xlsx)" rồi gửi lại.' },
  'file/ods': { severity: 'error', blocks: true, title: 'Định dạng .ods', message: 'Tệp ở định dạng OpenDocument (.ods). Trong LibreOffice chọn Lưu dạng "Excel 2007-365 (.xlsx)" rồi gửi lại.' },
  'file/not-workbook': { severity: 'error', blocks: true, title: 'Không phải sổ tính Excel', message: 'Tệp là tệp nén nhưng không phải sổ tính Excel ({detail}). Gửi đúng tệp biểu mẫu .xlsx.' },
  'file/too-large': { severity: 'error', blocks: true, title: 'Tệp quá lớn', message: 'Tệp bung ra quá lớn ({detail}), vượt giới hạn an toàn. Gửi lại đúng biểu mẫu, không chèn ảnh hoặc dữ liệu khác.' },
  'file/unsafe-xml': { severity: 'error', blocks: true, title: 'Nội dung XML không an toàn', message: 'Phần {detail} của tệp chứa khai báo DOCTYPE/thực thể, không được phép trong tệp Excel thông thường. Lưu lại biểu mẫu bằng Excel rồi gửi lại.' },
  'file/macros-ignored': { severity: 'warning', title: 'Macro bị bỏ qua', message: 'Tệp có macro (.xlsm). Macro không được chạy; chỉ số liệu được đọc. Lần sau lưu dạng .xlsx.' },

  // --- the workbook as a da06 template ---
  'workbook/not-template': { severity: 'error', blocks: true, title: 'Không phải biểu mẫu da06', message: 'Tệp không phải biểu mẫu báo cáo Đề án 06 do da06 tạo (không có trang định danh). Dùng biểu mẫu do Công an tỉnh gửi cho đơn vị.' },
  'workbook/bad-identity': { severity: 'error', blocks: true, title: 'Trang định danh bị sửa', message: 'Trang định danh của biểu mẫu thiếu hoặc sai thông tin "{detail}". Dùng lại biểu mẫu gốc do Công an tỉnh gửi.' },
  'workbook/unknown-template': { severity: 'error', blocks: true, title: 'Biểu mẫu không xác định', message: 'Biểu mẫu "{templateId}" phiên bản {version} không có trong danh mục biểu mẫu của da06. Dùng biểu mẫu của kỳ này do Công an tỉnh gửi.' },
  'workbook/outdated-template': { severity: 'error', blocks: true, title: 'Biểu mẫu cũ', message: 'Tệp dùng biểu mẫu phiên bản {version}, đã được thay bằng phiên bản {current}. Đơn vị cần dùng biểu mẫu của kỳ này.' },
  'workbook/catalog-changed': { severity: 'error', blocks: true, title: 'Biểu mẫu theo danh mục cũ', message: 'Biểu mẫu được tạo theo danh mục chỉ tiêu, nhiệm vụ đã thay đổi (mã {found}, hiện hành {current}). Đơn vị cần dùng biểu mẫu của kỳ này.' },
  'workbook/wrong-period': { severity: 'error', blocks: true, title: 'Sai kỳ báo cáo', message: 'Biểu mẫu là của kỳ {found}, không phải kỳ {expected}. Dùng biểu mẫu của kỳ {expected}.' },
  'workbook/wrong-unit': { severity: 'error', blocks: true, title: 'Sai đơn vị', message: 'Biểu mẫu là của đơn vị {found}, không phải {expected}. Dùng đúng biểu mẫu của đơn vị mình.' },
  'workbook/unknown-unit': { severity: 'error', blocks: true, title: 'Đơn vị không có trong danh sách', message: 'Mã đơn vị {found} không có trong danh sách đơn vị báo cáo. Liên hệ Công an tỉnh.' },
  'workbook/integrity': { severity: 'error', blocks: true, title: 'Định danh không khớp', message: 'Mã kiểm tra của biểu mẫu không khớp với đơn vị {found} và kỳ {period}: trang định danh đã bị sửa hoặc biểu mẫu được cấp cho đơn vị khác. Dùng đúng biểu mẫu Công an tỉnh gửi cho đơn vị.' },
  'workbook/external-links': { severity: 'warning', title: 'Liên kết ngoài', message: 'Tệp có liên kết tới tệp khác ({detail}), thường do sao chép từ tệp khác sang. Giá trị đã lưu được dùng; nên dán giá trị (Dán đặc biệt › Giá trị).' },

  // --- sheets ---
  'sheet/missing': { severity: 'error', blocks: true, title: 'Thiếu trang tính', message: 'Không tìm thấy trang "{expected}" (cũng không tìm được theo nội dung). Dùng lại biểu mẫu gốc và không xóa trang tính.' },
  'sheet/renamed': { severity: 'warning', title: 'Trang tính bị đổi tên', message: 'Trang "{expected}" đã bị đổi tên thành "{found}"; da06 vẫn nhận ra theo nội dung. Không nên đổi tên trang tính.' },
  'sheet/too-many-cells': { severity: 'error', blocks: true, title: 'Trang tính quá lớn', message: 'Trang có hơn {limit} ô dữ liệu, vượt giới hạn của biểu mẫu. Xóa dữ liệu thừa ngoài biểu mẫu rồi gửi lại.' },

  // --- rows ---
  'row/missing': { severity: 'error', title: 'Thiếu dòng', message: 'Dòng {key} đã bị xóa khỏi biểu mẫu. Dùng lại biểu mẫu gốc hoặc chép lại dòng này.' },
  'row/duplicate-key': { severity: 'error', title: 'Dòng bị trùng', message: 'Dòng {key} xuất hiện nhiều lần (cũng ở dòng {other}). Xóa dòng trùng, chỉ giữ một dòng.' },
  'row/unknown-key': { severity: 'error', title: 'Dòng lạ', message: 'Mã dòng "{key}" không thuộc biểu mẫu của đơn vị. Xóa dòng này hoặc dùng lại biểu mẫu gốc.' },
  'row/extra': { severity: 'warning', title: 'Dòng thêm', message: 'Dòng thêm ngoài biểu mẫu có nội dung: "{text}". Nội dung được giữ và chuyển cho Công an tỉnh; nên ghi vào cột Ghi chú của dòng có sẵn.' },
  'row/done-not-100': { severity: 'error', title: 'Hoàn thành nhưng tiến độ chưa 100%', message: 'Nhiệm vụ {key} ghi "{status}" nhưng tiến độ là {progress}%. Sửa tiến độ thành 100 hoặc chọn lại trạng thái.' },
  'row/done-without-result': { severity: 'error', title: 'Hoàn thành nhưng chưa nêu kết quả', message: 'Nhiệm vụ {key} ghi "{status}" nhưng chưa nêu kết quả đạt được hoặc văn bản, sản phẩm. Nhập ít nhất một trong hai cột.' },
  'row/not-started-with-progress': { severity: 'error', title: 'Chưa triển khai nhưng có tiến độ', message: 'Nhiệm vụ {key} ghi "{status}" nhưng tiến độ là {progress}%. Sửa tiến độ thành 0 hoặc chọn "{started}".' },
  'row/overdue-without-difficulty': { severity: 'error', title: 'Quá hạn chưa nêu khó khăn', message: 'Nhiệm vụ {key} đã quá hạn ({due}) và chưa hoàn thành: nêu rõ khó khăn, vướng mắc ở cột "Khó khăn, vướng mắc".' },
  'row/below-target': { severity: 'warning', title: 'Chưa đạt chỉ tiêu', message: 'Chỉ tiêu {key}: kết quả {value} chưa đạt chỉ tiêu {target}. Kiểm tra lại số liệu; nếu đúng, nêu nguyên nhân ở cột Ghi chú.' },

  // --- cells ---
  'cell/required': { severity: 'error', title: 'Chưa nhập', message: 'Chưa nhập "{field}". Ô này bắt buộc.' },
  'cell/not-a-number': { severity: 'error', title: 'Không phải số', message: '"{field}" phải là số, nhưng ô có giá trị "{value}". Nhập số, ví dụ 85,5.' },
  'cell/out-of-range': { severity: 'error', title: 'Ngoài khoảng cho phép', message: 'Giá trị {value} của "{field}" {rule}. {fix}' },
  'cell/not-in-list': { severity: 'error', title: 'Không có trong danh sách', message: 'Giá trị "{value}" của "{field}" không có trong danh sách. Chọn một trong: {options}.' },
  'cell/ambiguous-number': { severity: 'warning', title: 'Số viết chưa rõ', message: 'Giá trị "{value}" của "{field}" có thể hiểu là {read} hoặc {other}; da06 đọc là {read}. Kiểm tra lại; dùng dấu phẩy cho phần thập phân (ví dụ 85,5).' },
  'cell/invalid-date': { severity: 'error', title: 'Ngày không hợp lệ', message: '"{field}" có giá trị "{value}" không phải ngày hợp lệ. Nhập dạng ngày/tháng/năm, ví dụ 05/12/2026.' },
  'cell/date-before-period': { severity: 'error', title: 'Ngày báo cáo trước kỳ', message: 'Ngày báo cáo {value} ở trước kỳ báo cáo ({start} – {end}). Nhập ngày lập báo cáo thực tế.' },
  'cell/invalid-email': { severity: 'error', title: 'Thư điện tử không hợp lệ', message: '"{value}" không phải địa chỉ thư điện tử hợp lệ. Ví dụ: vanthu@thanhhoa.gov.vn.' },
  'cell/invalid-phone': { severity: 'error', title: 'Số điện thoại không hợp lệ', message: '"{value}" không phải số điện thoại hợp lệ (cần 9–11 chữ số, có thể có dấu cách, dấu chấm hoặc +84). Ví dụ: 0912 345 678.' },
  'cell/too-long': { severity: 'error', title: 'Nội dung quá dài', message: '"{field}" dài {length} ký tự, vượt mức {limit} ký tự{excel}. Rút gọn nội dung hoặc gửi kèm văn bản.' },
  'cell/suspect-scale': { severity: 'warning', title: 'Số liệu có thể sai thang đo', message: 'Giá trị {value} của "{field}" {reason}; da06 đọc là {read}. {fix}' },
  'cell/legacy-font': { severity: 'warning', title: 'Phông chữ cũ', message: 'Ô dùng phông {font} (bảng mã {encoding}); {outcome} Nên gõ lại bằng phông Unicode (Times New Roman).' },
  'cell/formula-overwritten': { severity: 'warning', title: 'Công thức bị ghi đè', message: 'Ô "{field}" vốn là công thức đã bị ghi đè bằng giá trị "{value}". da06 tự tính lại; không sửa các ô công thức.' },
  'cell/formula-in-input': { severity: 'warning', title: 'Công thức trong ô nhập', message: 'Ô "{field}" chứa công thức "{formula}"; da06 dùng giá trị đã tính "{value}". Nên nhập giá trị trực tiếp.' },

  // --- the contacts sheet (da06 contacts import) ---
  'contact/bad-sheet': { severity: 'error', title: 'Tệp danh bạ không đúng mẫu', message: 'Không tìm thấy {detail} trong tệp danh bạ. Dùng tệp do lệnh da06 contacts export tạo, giữ nguyên dòng tiêu đề.' },
  'contact/unknown-unit': { severity: 'error', title: 'Mã đơn vị không có', message: 'Mã đơn vị "{code}" không có trong danh sách đơn vị báo cáo. Sửa lại mã (xem da06 units) hoặc xóa dòng này.' },
  'contact/duplicate-unit': { severity: 'error', title: 'Đơn vị bị lặp', message: 'Đơn vị {code} đã có ở dòng {other}. Mỗi đơn vị chỉ một dòng; xóa dòng thừa.' },
  'contact/invalid-email': { severity: 'error', title: 'Địa chỉ thư không hợp lệ', message: '"{value}" không phải địa chỉ thư điện tử hợp lệ. Sửa lại, ví dụ vanthu@syt.thanhhoa.gov.vn; nhiều địa chỉ CC cách nhau bằng dấu chấm phẩy.' },
  'contact/duplicate-email': { severity: 'error', title: 'Địa chỉ dùng cho hai đơn vị', message: 'Địa chỉ {value} đã là địa chỉ đầu mối của đơn vị {other} (dòng {row}). Mỗi đơn vị cần địa chỉ đầu mối riêng để thư trả lời nhận ra đúng đơn vị.' },
  'contact/no-email': { severity: 'warning', title: 'Đơn vị chưa có địa chỉ thư', message: 'Đơn vị {code} ({name}) chưa có địa chỉ thư điện tử đầu mối. Các lệnh gửi thư sẽ liệt kê đơn vị này để Văn phòng liên hệ bằng cách khác.' },

  // --- e-mail: sending, and what a received message holds (da06 send, collect, remind) ---
  'mail/no-address': { severity: 'warning', title: 'Chưa có địa chỉ thư', message: 'Đơn vị {unit} ({name}) chưa có địa chỉ thư điện tử đầu mối: không gửi được. Bổ sung bằng da06 contacts import, hoặc liên hệ đơn vị bằng cách khác.' },
  'mail/send-failed': { severity: 'error', title: 'Gửi thư không thành công', message: 'Gửi thư cho {unit} ({to}) không thành công sau {attempts} lần thử: {detail}. Chạy lại lệnh để gửi lại những thư chưa gửi được.' },
  'mail/template-missing': { severity: 'error', title: 'Thiếu biểu mẫu để gửi', message: 'Không tìm thấy biểu mẫu của đơn vị {unit} ({file}) trong thư mục {dir}. Tạo bằng da06 templates, hoặc bỏ --templates để da06 tự tạo biểu mẫu.' },
  'mail/unreadable': { severity: 'error', title: 'Không đọc được thư', message: 'Không đọc được nội dung thư ({detail}). Thư gốc vẫn được lưu làm bằng chứng; đề nghị đơn vị gửi lại.' },
  'mail/message-too-large': { severity: 'error', title: 'Thư quá lớn', message: 'Thư nặng {size}, vượt giới hạn {limit}: thư gốc được lưu làm bằng chứng nhưng không mở tệp đính kèm. Đề nghị đơn vị chỉ gửi tệp biểu mẫu đã điền.' },
  'mail/no-report': { severity: 'warning', title: 'Thư không kèm tệp Excel', message: 'Thư không có tệp Excel đính kèm. Nếu là thư báo cáo, đề nghị đơn vị gửi lại kèm tệp biểu mẫu đã điền.' },
  'mail/not-spreadsheet': { severity: 'warning', title: 'Tệp đính kèm không phải Excel', message: 'Tệp đính kèm "{name}" ({type}) không phải tệp Excel nên không được tổng hợp; vẫn nằm trong thư gốc đã lưu.' },
  'mail/attachment-too-large': { severity: 'error', title: 'Tệp đính kèm quá lớn', message: 'Tệp "{name}" nặng {size}, vượt giới hạn {limit}, nên không được lưu để tổng hợp. Đề nghị đơn vị gửi lại đúng biểu mẫu, không chèn ảnh hoặc dữ liệu khác.' },
  'mail/unsafe-name': { severity: 'warning', title: 'Tên tệp không an toàn', message: 'Tên tệp đính kèm "{name}" có phần không dùng được trong tên tệp ({detail}); tệp được lưu với tên an toàn "{saved}".' },
  'mail/duplicate-attachment': { severity: 'warning', title: 'Tệp đính kèm lặp lại', message: 'Tệp "{name}" giống hệt tệp "{saved}" trong cùng thư (cùng mã SHA-256); chỉ lưu một lần.' },
  'mail/forwarded': { severity: 'warning', title: 'Tệp trong thư chuyển tiếp', message: 'Tệp "{name}" nằm trong thư được chuyển tiếp "{detail}"; người gửi thư chuyển tiếp là {from}. Trang định danh của biểu mẫu cho biết tệp là của đơn vị nào.' },
  'mail/zipped': { severity: 'warning', title: 'Tệp trong tệp nén', message: 'Tệp "{name}" được lấy ra từ tệp nén "{archive}". Lần sau đơn vị nên gửi thẳng tệp .xlsx.' },
  'mail/zip-unreadable': { severity: 'error', title: 'Không mở được tệp nén', message: 'Không mở được tệp nén "{name}" ({detail}). Đề nghị đơn vị gửi thẳng tệp .xlsx, không nén, không đặt mật khẩu.' },
  'mail/too-deep': { severity: 'error', title: 'Lồng nhau quá nhiều tầng', message: '"{name}" nằm sâu quá {limit} tầng (thư trong thư, tệp nén trong tệp nén) nên không được mở tiếp. Đề nghị đơn vị gửi thẳng tệp .xlsx.' },
  'mail/tnef': { severity: 'warning', title: 'Thư định dạng riêng của Outlook', message: 'Outlook gửi tệp "{name}" trong winmail.dat (định dạng RTF riêng của Outlook); da06 đã lấy tệp ra. Nên đặt Outlook soạn thư dạng HTML.' },
  'mail/tnef-unreadable': { severity: 'error', title: 'Không đọc được winmail.dat', message: 'Không đọc được tệp winmail.dat của Outlook ({detail}). Đề nghị đơn vị soạn lại thư dạng HTML (Outlook: Tệp › Tùy chọn › Thư › Soạn thư theo định dạng HTML) rồi gửi lại.' },
  'mail/smime-signed': { severity: 'warning', title: 'Thư có chữ ký số', message: 'Thư có chữ ký số S/MIME ({name}). da06 không kiểm tra chữ ký; tệp đính kèm vẫn được lấy ra và thư gốc được lưu.' },
  'mail/smime-encrypted': { severity: 'error', title: 'Thư được mã hóa', message: 'Thư được mã hóa S/MIME ({name}) nên không đọc được tệp đính kèm. Đề nghị đơn vị gửi lại thư không mã hóa.' },
  'mail/mailbox-reset': { severity: 'warning', title: 'Hộp thư được tạo lại', message: 'Thư mục {folder} trên máy chủ đã đổi UIDVALIDITY (từ {old} thành {new}): số UID cũ không còn dùng được; da06 nhận ra thư đã lưu theo Message-ID và SHA-256 để không lưu trùng.' },
} as const satisfies Record<string, IssueSpec>;

export type IssueCode = keyof typeof ISSUE_CATALOG;

export function issueSpec(code: IssueCode): IssueSpec {
  return ISSUE_CATALOG[code];
}

export const ISSUE_CODES = Object.keys(ISSUE_CATALOG) as IssueCode[];
