// What a diligent civil servant of Thanh Hóa writes in the report: names, titles and stock phrases.

export const FAMILY_NAMES = ['Nguyễn', 'Lê', 'Trần', 'Hoàng', 'Phạm', 'Đỗ', 'Trịnh', 'Mai', 'Vũ', 'Bùi', 'Lê', 'Nguyễn', 'Hà', 'Đặng', 'Lò'] as const;
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hữu', 'Ngọc', 'Thanh', 'Xuân', 'Quang', 'Thị Thu', 'Đình'] as const;
export const GIVEN_NAMES = ['Hùng', 'Lan', 'Hương', 'Tuấn', 'Hà', 'Dũng', 'Thảo', 'Nam', 'Phương', 'Quang', 'Hiền', 'Trang', 'Sơn', 'Linh', 'Cường', 'Huyền', 'Thắng', 'Yến', 'Long', 'Giang'] as const;

export const TITLES = {
  police: ['Cán bộ Phòng Cảnh sát QLHC về TTXH', 'Phó Trưởng phòng PC06', 'Cán bộ Tổ công tác Đề án 06'],
  department: ['Chuyên viên Văn phòng', 'Phó Chánh Văn phòng', 'Chuyên viên phòng Kế hoạch - Tài chính', 'Trưởng phòng Tổng hợp', 'Chuyên viên phòng Hành chính - Tổng hợp'],
  commune: ['Công chức Văn phòng - Thống kê', 'Chuyên viên Văn phòng HĐND và UBND', 'Phó Chủ tịch UBND', 'Công chức Văn hóa - Xã hội'],
} as const;

export const MOBILE_PREFIXES = ['091', '094', '088', '098', '097', '096', '086', '036', '035', '083', '085', '039'] as const;

export const DATA_SOURCES = [
  'Hệ thống thông tin giải quyết TTHC tỉnh',
  'Báo cáo của các phòng chuyên môn',
  'Cổng Dịch vụ công quốc gia',
  'Cơ sở dữ liệu quốc gia về dân cư',
  'Số liệu thống kê của đơn vị',
  'Báo cáo của UBND cấp xã',
  'Trích xuất từ phần mềm quản lý văn bản và hồ sơ công việc',
] as const;

export const INDICATOR_NOTES = ['Số liệu lũy kế từ đầu năm', 'Số liệu tạm tính, sẽ cập nhật ở kỳ sau', 'Đã đối chiếu với số liệu của Công an tỉnh'] as const;

export const BELOW_TARGET_NOTES = [
  'Chưa đạt do người dân còn thói quen nộp hồ sơ trực tiếp',
  'Chưa đạt do hệ thống chưa kết nối đầy đủ với cơ sở dữ liệu chuyên ngành',
  'Chưa đạt do một số thủ tục phát sinh ít hồ sơ trong kỳ',
] as const;

export const RESULTS_IN_PROGRESS = [
  'Đã ban hành văn bản chỉ đạo, hướng dẫn triển khai đến các đơn vị trực thuộc',
  'Đã tổ chức rà soát, cập nhật dữ liệu; khối lượng hoàn thành đạt khoảng {p}% kế hoạch',
  'Đã tổ chức {n} buổi tập huấn cho cán bộ, công chức; đang tiếp tục triển khai',
  'Đã phối hợp với Công an tỉnh rà soát, làm sạch dữ liệu',
  'Đang hoàn thiện dự thảo, lấy ý kiến các đơn vị liên quan',
] as const;

export const RESULTS_RECURRING = [
  'Duy trì thực hiện thường xuyên; kết quả được cập nhật trên hệ thống',
  'Tiếp tục triển khai theo kế hoạch; trong tháng đã tiếp nhận, xử lý {n} hồ sơ',
  'Thường xuyên tuyên truyền trên Cổng thông tin điện tử và mạng xã hội của đơn vị',
  'Duy trì rà soát, cập nhật dữ liệu định kỳ hằng tháng',
] as const;

export const RESULTS_DONE = [
  'Đã hoàn thành, kết quả báo cáo UBND tỉnh',
  'Đã hoàn thành việc kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư',
  'Đã ban hành và triển khai thực hiện',
  'Đã hoàn thành, đưa vào sử dụng',
] as const;

export const RESULTS_WAITING = ['Chờ hướng dẫn của Bộ, ngành Trung ương', 'Chưa phát sinh trong kỳ báo cáo', 'Đang chuẩn bị các điều kiện triển khai'] as const;

export const DIFFICULTIES = [
  'Hạ tầng công nghệ thông tin, đường truyền chưa đáp ứng yêu cầu',
  'Kinh phí thực hiện chưa được bố trí kịp thời',
  'Nhân lực chuyên trách về công nghệ thông tin còn thiếu, phần lớn kiêm nhiệm',
  'Chờ hướng dẫn của Bộ, ngành Trung ương về quy trình, kỹ thuật kết nối',
  'Dữ liệu cũ chưa được số hóa đầy đủ, việc làm sạch dữ liệu mất nhiều thời gian',
  'Một bộ phận người dân còn chưa quen sử dụng dịch vụ công trực tuyến',
] as const;

export const PROPOSALS = [
  'Đề nghị Sở Tài chính tham mưu bố trí kinh phí thực hiện',
  'Đề nghị Công an tỉnh hỗ trợ kỹ thuật kết nối, xác thực dữ liệu',
  'Đề nghị Sở Khoa học và Công nghệ hỗ trợ nâng cấp hạ tầng, đường truyền',
  'Đề nghị tổ chức tập huấn nghiệp vụ cho cán bộ làm công tác chuyên môn',
] as const;

export const DOCUMENT_KINDS: ReadonlyArray<{ name: string; symbol: (issuer: string) => string }> = [
  { name: 'Công văn', symbol: (issuer) => `${issuer}-VP` },
  { name: 'Kế hoạch', symbol: (issuer) => `KH-${issuer}` },
  { name: 'Báo cáo', symbol: (issuer) => `BC-${issuer}` },
  { name: 'Quyết định', symbol: (issuer) => `QĐ-${issuer}` },
  { name: 'Thông báo', symbol: (issuer) => `TB-${issuer}` },
];

export const CLOSING_SENTENCES = [
  'Đơn vị tiếp tục chỉ đạo quyết liệt, bảo đảm hoàn thành các chỉ tiêu, nhiệm vụ được giao.',
  'Các nhiệm vụ thường xuyên được duy trì, bám sát tiến độ theo Kế hoạch.',
  'Kết quả thực hiện cơ bản bảo đảm tiến độ; một số nhiệm vụ còn chậm do nguyên nhân khách quan.',
] as const;
