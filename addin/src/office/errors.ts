// Excel's errors in words a user can act on; the code stays at the end for whoever helps them.

const EXPLAINED: Record<string, string> = {
  AccessDenied: 'Excel không cho phép thay đổi này (trang tính hoặc sổ đang được bảo vệ, hoặc sổ chỉ cho đọc)',
  ItemNotFound: 'không tìm thấy trang tính hoặc ô cần dùng (có thể vừa bị đổi tên hoặc xóa)',
  ItemAlreadyExists: 'đã có một trang tính cùng tên',
  InvalidOperation: 'Excel không cho phép thao tác này trên sổ hoặc trang tính hiện tại',
  InvalidOperationInCellEditMode: 'Excel đang ở chế độ sửa ô: bấm Enter hoặc Esc để ra khỏi ô đang nhập rồi thử lại',
  RequestPayloadSizeLimitExceeded: 'dữ liệu gửi cho Excel một lần quá lớn',
  ResponsePayloadSizeLimitExceeded: 'dữ liệu Excel trả về một lần quá lớn',
  ApiNotFound: 'phiên bản Excel này chưa hỗ trợ thao tác cần dùng',
  GeneralException: 'Excel gặp lỗi chung khi thực hiện',
};

export function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && EXPLAINED[code]) return `${EXPLAINED[code]} [${code}]`;
    return [typeof code === 'string' ? code : '', typeof message === 'string' ? message : ''].filter(Boolean).join(': ') || String(error);
  }
  return String(error);
}
