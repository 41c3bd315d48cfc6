/**
 * The words of the demo data, modelled on the three real plans (test/fixtures/seeds): the tasks of a
 * provincial plan on grassroots democracy and "dân vận chính quyền", and what communes write back.
 * Placeholders: {xa} "xã Bình Chương", {y} the year, {ky} "6 tháng đầu năm 2024" / "năm 2024", {a} {b} {c} numbers.
 */
import type { PlanTask } from '../../shared/plans/plan-schemas';
import type { ModelEntry } from '../../shared/reports/report-schemas';

export interface TaskTemplate {
  key: string;
  /** First and last year the task appears in (laws in force, the two-level local government from 2025). */
  from?: number;
  until?: number;
  /** Carried only by communes in mountain and ethnic minority areas. */
  mountainOnly?: boolean;
  body: (year: number) => string;
  timeframe: (year: number) => PlanTask['timeframe'];
  /** Figures a commune reports on this task: [name, unit, least, most] for half a year. */
  figures: [string, string, number, number][];
  done: string[];
  ongoing: string[];
}

const ongoing = (): PlanTask['timeframe'] => ({ kind: 'ongoing', year: null, dueDate: null, from: null, to: null, text: '' });
const inYear = (year: number): PlanTask['timeframe'] => ({ kind: 'year', year, dueDate: null, from: null, to: null, text: '' });
const before = (dueDate: string): PlanTask['timeframe'] => ({ kind: 'deadline', year: null, dueDate, from: null, to: null, text: '' });

/** The law each year's plans cite: the 2022 Law took effect on 01/7/2023. */
export function democracyLaw(year: number): string {
  return year >= 2023 ? 'Luật Thực hiện dân chủ ở cơ sở năm 2022' : 'Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn năm 2007';
}

function directives(year: number): string {
  const list = ['Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện Quy chế dân chủ ở cơ sở', 'Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp'];
  if (year >= 2022) list.push('Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới');
  if (year >= 2021) list.push('Chỉ thị số 08-CT/TU ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy về nâng cao hiệu quả công tác dân vận của cơ quan Nhà nước các cấp');
  if (year >= 2023) list.push('Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở');
  return list.join('; ');
}

export const TASK_TEMPLATES: readonly TaskTemplate[] = [
  {
    key: 'quan-triet',
    body: (y) => `Tiếp tục quán triệt, triển khai thực hiện có hiệu quả ${democracyLaw(y)}; ${directives(y)}, nhằm nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và Nhân dân trong việc thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm ${y}.`,
    timeframe: ongoing,
    figures: [['Số hội nghị tuyên truyền', 'hội nghị', 2, 9], ['Số người tham gia', 'người', 80, 900]],
    done: [
      'UBND {xa} đã tổ chức {a} hội nghị quán triệt, tuyên truyền {law} cho {b} lượt cán bộ, công chức và Nhân dân; lồng ghép nội dung tuyên truyền vào các cuộc họp thôn, sinh hoạt chi hội.',
      'Đã ban hành kế hoạch triển khai và tổ chức {a} buổi tuyên truyền trên hệ thống truyền thanh cơ sở; phối hợp Ủy ban MTTQ Việt Nam {xa} tuyên truyền đến {b} lượt người dân tại các khu dân cư.',
      'Ban hành văn bản chỉ đạo các thôn, tổ dân phố phổ biến {law}; tổ chức {a} hội nghị với {b} người tham dự, cấp phát tài liệu hỏi – đáp cho các hộ gia đình.',
    ],
    ongoing: [
      'Đang tiếp tục tuyên truyền {law} qua hệ thống truyền thanh và các cuộc họp thôn; đã tổ chức {a} hội nghị với {b} người tham gia.',
    ],
  },
  {
    key: 'cai-cach-hanh-chinh',
    body: (y) => `Đổi mới và nâng cao hiệu quả công tác cải cách hành chính, cải thiện chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) và chỉ số năng lực cạnh tranh cấp tỉnh; công khai, minh bạch thủ tục hành chính, thời gian giải quyết và kết quả giải quyết hồ sơ để Nhân dân biết, theo dõi, giám sát${y >= 2025 ? '; bảo đảm chính quyền địa phương 2 cấp vận hành ổn định, thông suốt, phục vụ người dân và doanh nghiệp ngày càng tốt hơn' : ''}.`,
    timeframe: ongoing,
    figures: [['Số hồ sơ thủ tục hành chính giải quyết đúng hạn', 'hồ sơ', 300, 4200]],
    done: [
      'Bộ phận Một cửa {xa} tiếp nhận và giải quyết {a} hồ sơ thủ tục hành chính, {c}% đúng hạn; niêm yết công khai đầy đủ thủ tục hành chính, không để xảy ra tình trạng nhũng nhiễu, gây phiền hà cho người dân.',
      'Thực hiện tốt cơ chế một cửa, một cửa liên thông; tỷ lệ hồ sơ trực tuyến đạt {c}%; tổ chức khảo sát mức độ hài lòng của người dân với {b} phiếu, kết quả hài lòng đạt trên 95%.',
      'Rà soát, niêm yết công khai thủ tục hành chính tại trụ sở và trên Trang thông tin điện tử của {xa}; giải quyết {a} hồ sơ, không có hồ sơ trễ hạn.',
    ],
    ongoing: ['Đang triển khai các giải pháp nâng cao chỉ số hài lòng; đã giải quyết {a} hồ sơ thủ tục hành chính, tỷ lệ đúng hạn {c}%; còn một số hồ sơ đất đai giải quyết chậm.'],
  },
  {
    key: 'tiep-cong-dan',
    body: () => 'Thực hiện tốt công tác tiếp công dân, tổ chức đối thoại của người đứng đầu cơ quan hành chính nhà nước với Nhân dân; giải quyết kịp thời, đúng pháp luật khiếu nại, tố cáo, kiến nghị, phản ánh của tổ chức và công dân; rà soát những lĩnh vực người dân có nhiều bức xúc, khiếu kiện kéo dài để tập trung giải quyết dứt điểm, không để phát sinh "điểm nóng".',
    timeframe: ongoing,
    figures: [['Số lượt tiếp công dân', 'lượt', 12, 160], ['Số cuộc đối thoại', 'cuộc', 1, 6], ['Số đơn thư đã giải quyết', 'đơn', 3, 45]],
    done: [
      'Chủ tịch UBND {xa} duy trì tiếp công dân định kỳ; tiếp {a} lượt công dân, tổ chức {b} cuộc đối thoại với Nhân dân; tiếp nhận và giải quyết {c} đơn thư thuộc thẩm quyền, không có đơn thư vượt cấp.',
      'Đã tiếp {a} lượt công dân, tổ chức {b} cuộc đối thoại về bồi thường, giải phóng mặt bằng và chính sách đất đai; giải quyết dứt điểm {c} đơn, kiến nghị của công dân.',
      'Thực hiện nghiêm lịch tiếp công dân của người đứng đầu; trong kỳ tiếp {a} lượt, đối thoại {b} cuộc, giải quyết {c} đơn thư đúng thời hạn quy định.',
    ],
    ongoing: ['Tiếp {a} lượt công dân, tổ chức {b} cuộc đối thoại; còn {c} đơn đang xác minh, giải quyết theo quy định.'],
  },
  {
    key: 'thu-hoi-dat',
    body: () => 'Thực hiện có hiệu quả Quy chế thực hiện dân chủ trong công tác thu hồi đất, bồi thường, hỗ trợ, tái định cư để thực hiện các dự án trên địa bàn tỉnh; tham vấn cộng đồng, lấy ý kiến người dân trong việc thực hiện quy hoạch, kế hoạch, chương trình, dự án ảnh hưởng trực tiếp đến đời sống của người dân; vận động người dân tham gia bảo vệ môi trường, xây dựng nông thôn mới, đô thị văn minh.',
    timeframe: ongoing,
    figures: [['Số cuộc họp lấy ý kiến Nhân dân', 'cuộc', 1, 12]],
    done: [
      'Tổ chức {a} cuộc họp lấy ý kiến Nhân dân về phương án bồi thường, hỗ trợ các dự án trên địa bàn {xa}; công khai phương án tại nhà văn hóa thôn; vận động {b} hộ bàn giao mặt bằng đúng tiến độ.',
      'Công khai quy hoạch, kế hoạch sử dụng đất; lấy ý kiến Nhân dân tại {a} cuộc họp thôn; vận động Nhân dân hiến {b} m² đất mở rộng đường giao thông nông thôn.',
    ],
    ongoing: ['Đang lấy ý kiến Nhân dân về phương án bồi thường của {a} dự án; còn {b} hộ chưa thống nhất giá bồi thường, UBND {xa} tiếp tục vận động, đối thoại.'],
  },
  {
    key: 'dan-van-kheo',
    body: (y) => `Tiếp tục chỉ đạo triển khai thực hiện và phát động phong trào thi đua "Dân vận khéo"; đăng ký xây dựng, lựa chọn và nhân rộng mô hình, điển hình "Dân vận khéo" năm ${y}, nhất là các mô hình gắn với cải cách hành chính, xây dựng nông thôn mới; kịp thời biểu dương, khen thưởng tập thể, cá nhân thực hiện tốt phong trào "Dân vận khéo".`,
    timeframe: ongoing,
    figures: [['Số mô hình "Dân vận khéo"', 'mô hình', 1, 3]],
    done: [
      'UBND {xa} đăng ký {a} mô hình "Dân vận khéo"; tổ chức sơ kết, biểu dương {b} tập thể, cá nhân điển hình trong phong trào thi đua "Dân vận khéo".',
      'Duy trì {a} mô hình "Dân vận khéo" đã được công nhận; khen thưởng {b} tập thể, cá nhân có cách làm hay, sáng tạo trong vận động Nhân dân.',
    ],
    ongoing: ['Đã đăng ký {a} mô hình "Dân vận khéo" với Ban Chỉ đạo; đang theo dõi, hướng dẫn triển khai, dự kiến sơ kết vào cuối năm.'],
  },
  {
    key: 'mat-tran',
    body: () => 'Chủ động phối hợp, tạo điều kiện để Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội thực hiện tốt công tác tuyên truyền, vận động Nhân dân, tạo đồng thuận trong việc thực hiện các chủ trương, chính sách; quan tâm xử lý, giải quyết các kiến nghị, đề xuất sau giám sát, phản biện xã hội của Mặt trận Tổ quốc và các đoàn thể.',
    timeframe: ongoing,
    figures: [['Số kiến nghị sau giám sát đã giải quyết', 'kiến nghị', 1, 14]],
    done: [
      'Phối hợp Ủy ban MTTQ Việt Nam {xa} tổ chức {a} cuộc tiếp xúc, lắng nghe ý kiến Nhân dân; giải quyết {b} kiến nghị sau giám sát của Mặt trận và các đoàn thể.',
      'Duy trì quy chế phối hợp giữa UBND và Ủy ban MTTQ {xa}; tiếp thu, giải quyết {b} kiến nghị, đề xuất sau giám sát, phản biện.',
    ],
    ongoing: ['Đã tiếp nhận {b} kiến nghị sau giám sát, đang chỉ đạo các bộ phận chuyên môn giải quyết.'],
  },
  {
    key: 'tap-huan',
    body: (y) => `Tổ chức tập huấn, bồi dưỡng nghiệp vụ cho cán bộ, công chức được phân công theo dõi, thực hiện công tác dân vận chính quyền và dân chủ ở cơ sở năm ${y}.`,
    timeframe: inYear,
    figures: [['Số lớp tập huấn', 'lớp', 1, 3], ['Số người tham gia', 'người', 20, 120]],
    done: [
      'Cử {b} cán bộ, công chức tham gia lớp tập huấn do tỉnh tổ chức; UBND {xa} tổ chức {a} lớp tập huấn cho trưởng thôn, Ban Thanh tra nhân dân.',
      'Tổ chức {a} lớp bồi dưỡng kỹ năng dân vận cho {b} cán bộ, công chức và người hoạt động không chuyên trách.',
    ],
    ongoing: ['Đã xây dựng kế hoạch tập huấn, dự kiến tổ chức trong quý IV năm {y}.'],
  },
  {
    key: 'ra-soat-van-ban',
    body: (y) => `Rà soát, sửa đổi, bổ sung hoặc ban hành mới quy chế thực hiện dân chủ ở cơ sở, quy chế làm việc, quy chế chi tiêu nội bộ; ban hành văn bản phân công lãnh đạo phụ trách và công chức tham mưu công tác dân vận chính quyền, dân chủ ở cơ sở năm ${y}.`,
    timeframe: (y) => before(`${y}-06-30`),
    figures: [],
    done: [
      'UBND {xa} đã rà soát, ban hành {a} văn bản (quy chế thực hiện dân chủ, quy chế chi tiêu nội bộ); ban hành quyết định phân công Phó Chủ tịch UBND phụ trách công tác dân vận chính quyền.',
      'Hoàn thành rà soát hệ thống văn bản; trình HĐND {xa} ban hành Nghị quyết về các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn.',
    ],
    ongoing: ['Đang rà soát quy chế thực hiện dân chủ của cơ quan, dự kiến ban hành trong tháng tới.'],
  },
  {
    key: 'dao-duc-cong-vu',
    body: () => 'Thực hiện dân chủ ở cơ sở gắn liền với kỷ luật, kỷ cương hành chính; thực hiện tốt quy định về đạo đức công vụ, văn hóa công sở, ý thức phục vụ Nhân dân của cán bộ, công chức, nhất là người đứng đầu; kịp thời phát hiện, xử lý nghiêm cán bộ, công chức vi phạm pháp luật, quan liêu, tham nhũng, tiêu cực, gây phiền hà cho Nhân dân.',
    timeframe: ongoing,
    figures: [],
    done: [
      'Cán bộ, công chức {xa} chấp hành tốt kỷ luật, kỷ cương hành chính, văn hóa công sở; trong kỳ không có cán bộ, công chức vi phạm phải xử lý kỷ luật.',
      'Tổ chức ký cam kết thực hiện văn hóa công sở; kiểm tra đột xuất {a} lần việc chấp hành giờ giấc làm việc, không phát hiện vi phạm.',
    ],
    ongoing: ['Thường xuyên nhắc nhở cán bộ, công chức chấp hành kỷ luật, kỷ cương hành chính; đã kiểm tra {a} lần.'],
  },
  {
    key: 'an-sinh',
    body: () => 'Thực hiện tốt các chính sách an sinh xã hội, chăm lo cho các đối tượng chính sách, hộ nghèo, hộ cận nghèo, góp phần nâng cao đời sống vật chất và tinh thần cho Nhân dân; công khai, minh bạch việc bình xét hộ nghèo và các chế độ, chính sách.',
    timeframe: ongoing,
    figures: [['Số hộ được hỗ trợ', 'hộ', 15, 260]],
    done: [
      'Chi trả đầy đủ, kịp thời chế độ cho các đối tượng chính sách; hỗ trợ {a} hộ nghèo, hộ cận nghèo; tổ chức bình xét hộ nghèo công khai, dân chủ tại {b} thôn.',
      'Thăm, tặng quà {a} hộ gia đình chính sách, hộ nghèo nhân dịp Tết; vận động xây dựng {b} nhà đại đoàn kết.',
    ],
    ongoing: ['Đang rà soát, bình xét hộ nghèo, hộ cận nghèo tại các thôn; đã hỗ trợ {a} hộ.'],
  },
  {
    key: 'giam-sat-cong-dong',
    body: () => 'Phát huy vai trò của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng, Tổ hòa giải ở cơ sở trong giám sát việc thực hiện dân chủ ở cơ sở, nhất là những lĩnh vực liên quan trực tiếp đến quyền, lợi ích hợp pháp, chính đáng của người dân và những địa bàn triển khai các dự án phát triển kinh tế - xã hội.',
    timeframe: ongoing,
    figures: [['Số cuộc giám sát của Ban Thanh tra nhân dân', 'cuộc', 1, 8], ['Số vụ hòa giải thành', 'vụ', 2, 30]],
    done: [
      'Ban Thanh tra nhân dân {xa} thực hiện {a} cuộc giám sát; các Tổ hòa giải ở cơ sở hòa giải thành {b} vụ việc, góp phần giữ gìn đoàn kết trong khu dân cư.',
      'Ban Giám sát đầu tư của cộng đồng giám sát {a} công trình; hòa giải thành {b} vụ việc mâu thuẫn, tranh chấp nhỏ trong Nhân dân.',
    ],
    ongoing: ['Ban Thanh tra nhân dân đã thực hiện {a} cuộc giám sát; hòa giải thành {b} vụ việc.'],
  },
  {
    key: 'dan-toc',
    mountainOnly: true,
    body: () => 'Thực hiện tốt chính sách dân tộc, công tác dân vận ở vùng đồng bào dân tộc thiểu số và miền núi; phát huy vai trò của già làng, người có uy tín trong vận động đồng bào thực hiện chủ trương, chính sách, giữ gìn an ninh trật tự, bảo vệ rừng.',
    timeframe: ongoing,
    figures: [['Số lượt tiếp xúc người có uy tín', 'lượt', 4, 40]],
    done: [
      'Tổ chức {a} lượt gặp gỡ, tiếp xúc già làng, người có uy tín; vận động đồng bào tham gia bảo vệ {b} ha rừng, không để xảy ra cháy rừng, phá rừng trái phép.',
      'Phát huy vai trò người có uy tín trong hòa giải ở cơ sở; cấp phát đầy đủ các chính sách hỗ trợ đồng bào dân tộc thiểu số trên địa bàn {xa}.',
    ],
    ongoing: ['Đang triển khai chính sách hỗ trợ đồng bào dân tộc thiểu số; đã tiếp xúc {a} lượt người có uy tín.'],
  },
  {
    key: 'huong-uoc',
    from: 2024,
    body: (y) => `Triển khai Nghị định số 61/2023/NĐ-CP ngày 16/8/2023 của Chính phủ về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư; rà soát, hướng dẫn các thôn, tổ dân phố sửa đổi, bổ sung hương ước, quy ước phù hợp, hoàn thành trong năm ${y}.`,
    timeframe: (y) => before(`${y}-10-31`),
    figures: [['Số hương ước, quy ước được công nhận', 'bản', 1, 9]],
    done: ['Hướng dẫn {a} thôn, tổ dân phố rà soát, sửa đổi hương ước, quy ước; UBND {xa} đã công nhận {a} bản hương ước, quy ước.'],
    ongoing: ['Đã hướng dẫn các thôn rà soát hương ước; {a} thôn đã tổ chức lấy ý kiến Nhân dân, chờ UBND {xa} công nhận.'],
  },
  {
    key: 'chuyen-doi-so',
    from: 2025,
    body: () => 'Đẩy mạnh chuyển đổi số trong tiếp nhận, xử lý phản ánh, kiến nghị của người dân; triển khai phong trào "Bình dân học vụ số", hướng dẫn người dân sử dụng dịch vụ công trực tuyến, ứng dụng định danh điện tử.',
    timeframe: ongoing,
    figures: [['Số người dân được hướng dẫn kỹ năng số', 'người', 40, 900]],
    done: ['Thành lập tổ công nghệ số cộng đồng tại các thôn; hướng dẫn {a} người dân sử dụng dịch vụ công trực tuyến; tiếp nhận và xử lý {b} phản ánh qua ứng dụng.'],
    ongoing: ['Đã hướng dẫn {a} người dân cài đặt, sử dụng ứng dụng định danh điện tử và dịch vụ công trực tuyến.'],
  },
];

/** The figures every plan offers units when they add one. */
export const INDICATORS: [string, string][] = [
  ['Số cuộc đối thoại', 'cuộc'],
  ['Số lượt tiếp công dân', 'lượt'],
  ['Số đơn thư đã giải quyết', 'đơn'],
  ['Số lớp tập huấn', 'lớp'],
  ['Số người tham gia', 'người'],
  ['Số hội nghị tuyên truyền', 'hội nghị'],
  ['Số mô hình "Dân vận khéo"', 'mô hình'],
];

export const GENERAL_RESULTS = [
  'Trong {ky}, UBND {xa} đã chỉ đạo các bộ phận chuyên môn, các thôn triển khai đồng bộ các nhiệm vụ theo Kế hoạch; công tác dân vận chính quyền có nhiều chuyển biến tích cực, quyền làm chủ của Nhân dân được phát huy.',
  'Các nhiệm vụ dân chủ ở cơ sở và dân vận chính quyền {ky} được UBND {xa} triển khai nghiêm túc; tình hình an ninh chính trị, trật tự an toàn xã hội ổn định, không phát sinh khiếu kiện đông người.',
  'Nhìn chung, việc thực hiện dân chủ ở cơ sở trên địa bàn {xa} trong {ky} đạt kết quả khá; Nhân dân đồng thuận cao với các chủ trương, chính sách, nhất là trong xây dựng nông thôn mới và cải cách hành chính.',
  'UBND {xa} đã quán triệt, triển khai kịp thời các văn bản của cấp trên; đội ngũ cán bộ, công chức có ý thức trách nhiệm, tận tụy phục vụ Nhân dân; mối quan hệ giữa chính quyền và Nhân dân ngày càng gắn bó.',
];

export const SHORTCOMINGS = [
  'Công tác tuyên truyền ở một số thôn còn hình thức, chưa đa dạng; việc nhân rộng mô hình "Dân vận khéo" còn chậm.',
  'Một số hồ sơ thủ tục hành chính lĩnh vực đất đai còn giải quyết chậm so với quy định.',
  'Việc tổ chức đối thoại với Nhân dân chưa thường xuyên; chất lượng hoạt động của Ban Thanh tra nhân dân ở một số thôn chưa cao.',
  'Báo cáo định kỳ của một số bộ phận còn chậm, số liệu chưa đầy đủ.',
  'Cơ sở vật chất phục vụ tiếp công dân và Bộ phận Một cửa còn thiếu thốn.',
  '',
];

export const CAUSES = [
  'Một bộ phận cán bộ, công chức kiêm nhiệm nhiều việc, chưa dành nhiều thời gian cho công tác dân vận.',
  'Kinh phí bố trí cho công tác tuyên truyền, tập huấn còn hạn chế.',
  'Địa bàn rộng, dân cư phân tán, giao thông đi lại khó khăn.',
  'Khối lượng công việc sau sắp xếp tổ chức bộ máy lớn, nhân sự có nhiều biến động.',
  '',
];

export const DIRECTIONS = [
  'Tiếp tục quán triệt, triển khai thực hiện tốt {law}; nâng cao chất lượng tiếp công dân, đối thoại với Nhân dân; nhân rộng các mô hình "Dân vận khéo" hiệu quả.',
  'Đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân; tăng cường kiểm tra, giám sát việc thực hiện dân chủ ở các thôn.',
  'Tập trung giải quyết dứt điểm các đơn thư, kiến nghị còn tồn đọng; phát huy vai trò của Mặt trận và các đoàn thể trong vận động Nhân dân.',
];

export const PROPOSALS = [
  'Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ công tác dân vận chính quyền cho công chức cấp xã.',
  'Đề nghị UBND tỉnh quan tâm bố trí kinh phí hỗ trợ xây dựng, nhân rộng mô hình "Dân vận khéo".',
  'Đề nghị cấp trên sớm ban hành hướng dẫn chấm điểm, đánh giá kết quả thực hiện công tác dân vận chính quyền.',
  'Không.',
  '',
];

export const NOT_DONE_REASONS = [
  'Chưa được bố trí kinh phí thực hiện.',
  'Do sắp xếp đơn vị hành chính, chưa tổ chức được trong kỳ.',
  'Ảnh hưởng của mưa bão, lũ lụt kéo dài nên phải lùi thời gian thực hiện.',
  'Chờ hướng dẫn của cơ quan cấp trên.',
];

export const RETURN_REASONS = [
  'Đề nghị bổ sung số liệu tiếp công dân, đối thoại trong kỳ báo cáo.',
  'Báo cáo chưa có chữ ký của lãnh đạo UBND và đóng dấu; đề nghị hoàn chỉnh và gửi lại.',
  'Số liệu hồ sơ thủ tục hành chính chưa khớp với báo cáo cải cách hành chính; đề nghị rà soát lại.',
  'Chưa đánh giá kết quả mô hình "Dân vận khéo" đã đăng ký; đề nghị bổ sung.',
  'Đề nghị nêu rõ nguyên nhân chưa hoàn thành và giải pháp khắc phục đối với nhiệm vụ chưa thực hiện.',
  'Báo cáo chưa đúng đề cương hướng dẫn; đề nghị bổ sung phần hạn chế, nguyên nhân và phương hướng kỳ tới.',
  'Số liệu kỳ này trùng với báo cáo kỳ trước; đề nghị cập nhật số liệu đến ngày chốt báo cáo.',
];

/** What a commune adds when a returned report comes back to it. */
export const REVISION_NOTES = [
  ' (Bổ sung theo yêu cầu của Sở Nội vụ.)',
  ' Số liệu đã được rà soát, cập nhật đến ngày chốt báo cáo.',
  ' Đã bổ sung kết quả cụ thể của từng thôn.',
];

export const MODEL_TEMPLATES: { name: string; field: ModelEntry['field']; mountain?: boolean; from?: number; results: string }[] = [
  { name: 'Dân vận khéo trong vận động Nhân dân hiến đất làm đường giao thông nông thôn', field: 'nong_thon_moi', results: 'Vận động {a} hộ hiến đất, mở rộng {b} km đường giao thông nông thôn, không phải bồi thường.' },
  { name: 'Bộ phận Một cửa thân thiện, vì Nhân dân phục vụ', field: 'cai_cach_hanh_chinh', results: 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt {c}%, không có phản ánh, kiến nghị về thái độ phục vụ.' },
  { name: 'Khu dân cư không có đơn thư vượt cấp', field: 'quoc_phong_an_ninh', results: 'Các vụ việc được hòa giải ngay tại cơ sở; {a} năm liền không có đơn thư vượt cấp.' },
  { name: 'Chi hội phụ nữ tiết kiệm giúp nhau thoát nghèo', field: 'kinh_te', results: 'Giúp {a} hộ hội viên vay vốn không lãi, {b} hộ thoát nghèo bền vững.' },
  { name: 'Camera an ninh – Cùng dân giữ bình yên thôn xóm', field: 'quoc_phong_an_ninh', results: 'Lắp đặt {a} camera tại các tuyến đường do Nhân dân đóng góp; tình hình trộm cắp giảm rõ rệt.' },
  { name: 'Tuyến đường hoa sáng – xanh – sạch – đẹp', field: 'nong_thon_moi', results: 'Nhân dân trồng, chăm sóc {b} km đường hoa, góp phần xây dựng nông thôn mới nâng cao.' },
  { name: 'Mặt trận lắng nghe ý kiến Nhân dân', field: 'he_thong_chinh_tri', results: 'Tổ chức {a} buổi lắng nghe, tiếp thu {b} ý kiến, kiến nghị của Nhân dân, giải quyết dứt điểm.' },
  { name: 'Già làng, người có uy tín tham gia hòa giải ở cơ sở', field: 'van_hoa_xa_hoi', mountain: true, results: 'Người có uy tín tham gia hòa giải thành {a} vụ việc, vận động đồng bào bảo vệ rừng.' },
  { name: 'Tổ tự quản bảo vệ rừng cộng đồng', field: 'kinh_te', mountain: true, results: 'Tổ tự quản tuần tra bảo vệ {b} ha rừng, không để xảy ra cháy rừng.' },
  { name: 'Bình dân học vụ số – Mỗi gia đình một người biết dùng dịch vụ công trực tuyến', field: 'cai_cach_hanh_chinh', from: 2025, results: 'Hướng dẫn {a} người dân sử dụng dịch vụ công trực tuyến và ứng dụng định danh điện tử.' },
  { name: 'Dân vận khéo trong vận động Nhân dân thu gom, phân loại rác thải tại nguồn', field: 'nong_thon_moi', results: '{c}% hộ gia đình thực hiện phân loại rác tại nguồn.' },
  { name: 'Thôn văn hóa kiểu mẫu', field: 'van_hoa_xa_hoi', results: 'Thôn giữ vững danh hiệu thôn văn hóa {a} năm liền, {c}% hộ đạt gia đình văn hóa.' },
];

export const PROVINCE = {
  name: 'Sở Nội vụ',
  parentBody: 'UBND tỉnh Quảng Ngãi',
  level: 'so_ban_nganh',
  abbreviation: 'SNV',
  placeName: 'Quảng Ngãi',
  reportsTo: 'UBND tỉnh Quảng Ngãi',
} as const;

export const SIGNERS = ['Nguyễn Văn Hùng', 'Trần Thị Thu Hà', 'Lê Quang Vinh', 'Phạm Minh Tuấn'];
export const PROVINCE_SIGNERS = ['Đặng Văn Minh', 'Trần Phước Hiền', 'Nguyễn Hoàng Giang'];
