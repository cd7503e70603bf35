/**
 * Original demo content for a fictional commune portal: Ủy ban nhân dân xã Tân Hòa, tỉnh Lam Giang.
 * Every name, number and event here is invented for the demo.
 */

/** The fictional agency the demo portal belongs to. */
export const AGENCY = {
  agencyName: 'Ủy ban nhân dân xã Tân Hòa',
  province: 'Tỉnh Lam Giang',
  address: 'Số 12 đường Trần Phú, thôn Trung Hòa, xã Tân Hòa, tỉnh Lam Giang',
  phone: '0239 3860 125',
  hotline: '0912 345 678',
  email: 'ubnd.tanhoa@lamgiang.gov.vn',
  footerText:
    'Cổng thông tin điện tử xã Tân Hòa (bản trình diễn). Người chịu trách nhiệm: Chánh Văn phòng HĐND và UBND xã. Ghi rõ nguồn khi phát hành lại thông tin từ cổng này.',
  mainMenu: [
    { label: 'Trang chủ', url: '/' },
    { label: 'Giới thiệu', url: '/gioi-thieu/' },
    { label: 'Tin tức', url: '/tin-tuc/' },
    { label: 'Thông báo', url: '/thong-bao/' },
    { label: 'Văn bản', url: '/van-ban/' },
    { label: 'Lịch công tác', url: '/lich-cong-tac/' },
    { label: 'Cơ cấu tổ chức', url: '/co-cau-to-chuc/' },
    { label: 'Danh bạ', url: '/danh-ba/' },
    { label: 'English', url: '/en/' },
  ],
  serviceLinks: [
    { label: 'Công khai minh bạch thông tin', url: '/cong-khai/' },
    { label: 'Thủ tục hành chính', url: '/thu-tuc-hanh-chinh/' },
    { label: 'Tình hình giải quyết hồ sơ', url: '/tinh-hinh-giai-quyet-ho-so/' },
    { label: 'Dịch vụ công trực tuyến', url: 'https://dichvucong.gov.vn' },
    { label: 'Hỏi đáp', url: '/hoi-dap/' },
    { label: 'Bản đồ hành chính', url: '/ban-do/' },
    { label: 'Danh mục thông tin công khai', url: '/danh-muc-thong-tin-cong-khai/' },
    { label: 'Dữ liệu mở', url: '/du-lieu-mo/' },
  ],
  documentExchangeUrl: 'https://vanban.lamgiang.gov.vn',
  agencyNameEn: 'People’s Committee of Tan Hoa Commune',
  addressEn: '12 Tran Phu Street, Trung Hoa Hamlet, Tan Hoa Commune, Lam Giang Province, Viet Nam',
  introductionEn: `Tan Hoa Commune was established on 1 July 2025 by merging three former communes of Lam Giang Province. It lies along the provincial road, with rice fields, fruit gardens and a small industrial cluster.

The People’s Committee of Tan Hoa Commune is the local state administrative body. It carries out the resolutions of the commune People’s Council and the directions of the provincial authorities, and serves residents and businesses through the commune’s public administrative service centre.

This English section gives the commune’s organization, the functions of its units and the contacts of its officials, as the Law on Access to Information requires. News and other information are published in Vietnamese.`,
};

export interface DemoCategory {
  name: string;
  description: string;
  /** Heading and paragraphs shared by the category's articles. */
  sections: Array<{ heading: string; paragraphs: string[] }>;
  /** Bullet points an article of this category lists. */
  points: string[];
  /** Columns of the results table: label of the row, then the unit of the numbers. */
  table: { caption: string; rows: string[]; unit: string };
  articles: Array<{ title: string; summary: string; lead: string; author?: string; featured?: boolean }>;
}

export const CATEGORIES: DemoCategory[] = [
  {
    name: 'Tin hoạt động',
    description: 'Hoạt động của Đảng ủy, HĐND, UBND và các đoàn thể xã.',
    sections: [
      {
        heading: 'Kết quả nổi bật',
        paragraphs: [
          'Trong kỳ, các thôn đã tổ chức họp dân đầy đủ, lấy ý kiến về những việc lớn của xã như quy hoạch khu dân cư, làm đường liên thôn và chỉnh trang nghĩa trang nhân dân. Nhiều ý kiến của bà con được tiếp thu và đưa vào kế hoạch năm sau.',
          'Các đoàn thể chính trị – xã hội phối hợp với Ủy ban nhân dân xã vận động hội viên tham gia ngày công lao động, hiến đất mở rộng đường, trồng cây xanh ở khu vực trường học và nhà văn hóa thôn.',
        ],
      },
      {
        heading: 'Nhiệm vụ thời gian tới',
        paragraphs: [
          'Ủy ban nhân dân xã yêu cầu các bộ phận chuyên môn bám sát kế hoạch, kịp thời báo cáo khó khăn, vướng mắc; trưởng thôn thường xuyên nắm tình hình ở cơ sở và phản ánh về xã những việc vượt thẩm quyền.',
        ],
      },
    ],
    points: [
      'Hoàn thành việc rà soát các chỉ tiêu kinh tế – xã hội đã giao',
      'Tăng cường tiếp xúc, đối thoại trực tiếp với người dân',
      'Giải quyết dứt điểm các kiến nghị tồn đọng',
      'Đẩy mạnh phong trào thi đua yêu nước trong cán bộ, công chức',
    ],
    table: { caption: 'Một số chỉ tiêu chủ yếu', rows: ['Thu ngân sách trên địa bàn', 'Giá trị sản xuất nông nghiệp', 'Số hộ được hỗ trợ sinh kế'], unit: 'triệu đồng' },
    articles: [
      {
        title: 'Hội nghị Ban Chấp hành Đảng bộ xã Tân Hòa đánh giá kết quả 9 tháng năm 2026',
        summary: 'Ban Chấp hành Đảng bộ xã họp phiên thường kỳ, thống nhất các giải pháp hoàn thành chỉ tiêu nghị quyết năm 2026.',
        lead: 'Sáng nay, Ban Chấp hành Đảng bộ xã Tân Hòa tổ chức hội nghị đánh giá kết quả lãnh đạo thực hiện nhiệm vụ chính trị 9 tháng và bàn giải pháp cho quý IV năm 2026.',
        featured: true,
      },
      {
        title: 'Kỳ họp thứ Mười, Hội đồng nhân dân xã khóa I thông qua 8 nghị quyết',
        summary: 'Đại biểu HĐND xã thảo luận, chất vấn và biểu quyết thông qua các nghị quyết về ngân sách, đầu tư công và an sinh xã hội.',
        lead: 'Sau hai ngày làm việc khẩn trương, kỳ họp thứ Mười của Hội đồng nhân dân xã Tân Hòa đã hoàn thành toàn bộ nội dung chương trình đề ra.',
      },
      {
        title: 'Chủ tịch UBND xã tiếp công dân định kỳ tháng 11',
        summary: 'Buổi tiếp công dân ghi nhận 14 lượt ý kiến, chủ yếu liên quan đến đất đai và chế độ chính sách.',
        lead: 'Theo lịch định kỳ, Chủ tịch Ủy ban nhân dân xã Tân Hòa đã trực tiếp tiếp công dân tại trụ sở xã, lắng nghe và trả lời nhiều kiến nghị của bà con.',
      },
      {
        title: 'Xã Tân Hòa ra quân hưởng ứng “Ngày Chủ nhật xanh”',
        summary: 'Hơn 600 đoàn viên, hội viên và người dân tham gia dọn vệ sinh, trồng hoa dọc các tuyến đường liên thôn.',
        lead: 'Hưởng ứng phong trào “Ngày Chủ nhật xanh” do tỉnh phát động, sáng Chủ nhật, xã Tân Hòa đồng loạt ra quân ở tất cả 11 thôn.',
        featured: true,
      },
      {
        title: 'Đối thoại giữa người đứng đầu cấp ủy, chính quyền với thanh niên xã',
        summary: 'Đoàn viên thanh niên đặt nhiều câu hỏi về việc làm, khởi nghiệp và học nghề tại địa phương.',
        lead: 'Nhân kỷ niệm ngày thành lập Đoàn, Đảng ủy và Ủy ban nhân dân xã tổ chức buổi đối thoại trực tiếp với gần 200 đoàn viên, thanh niên.',
      },
      {
        title: 'Trao quyết định công tác cán bộ tại xã Tân Hòa',
        summary: 'Ủy ban nhân dân xã công bố quyết định phân công nhiệm vụ đối với một số công chức chuyên môn.',
        lead: 'Để kiện toàn bộ máy sau sắp xếp, Ủy ban nhân dân xã Tân Hòa đã trao quyết định phân công công tác cho các công chức phụ trách văn phòng, tư pháp và địa chính.',
      },
    ],
  },
  {
    name: 'Cải cách hành chính',
    description: 'Thủ tục hành chính, dịch vụ công trực tuyến và kết quả cải cách hành chính.',
    sections: [
      {
        heading: 'Kết quả giải quyết thủ tục hành chính',
        paragraphs: [
          'Bộ phận Một cửa của xã tiếp nhận hồ sơ trong giờ hành chính các ngày làm việc và cả sáng thứ Bảy. Người dân có thể nộp hồ sơ trực tiếp, qua dịch vụ bưu chính công ích hoặc trên Cổng Dịch vụ công quốc gia.',
          'Tỷ lệ hồ sơ giải quyết đúng và trước hạn tiếp tục được duy trì ở mức cao. Những hồ sơ chậm đều có văn bản xin lỗi và hẹn lại thời gian trả kết quả theo quy định.',
        ],
      },
      {
        heading: 'Những việc cần làm tiếp',
        paragraphs: [
          'Xã tiếp tục rà soát, đề xuất đơn giản hóa các thủ tục còn rườm rà; tăng cường hướng dẫn người dân sử dụng tài khoản định danh điện tử để thực hiện dịch vụ công trực tuyến toàn trình.',
        ],
      },
    ],
    points: [
      'Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa và trên cổng thông tin',
      'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      'Hướng dẫn người dân nộp hồ sơ trực tuyến tại nhà',
      'Lấy ý kiến đánh giá sự hài lòng sau mỗi lần giải quyết',
    ],
    table: { caption: 'Tình hình giải quyết hồ sơ', rows: ['Hồ sơ tiếp nhận', 'Hồ sơ giải quyết đúng hạn', 'Hồ sơ nộp trực tuyến'], unit: 'hồ sơ' },
    articles: [
      {
        title: 'Đoàn kiểm tra của tỉnh làm việc với xã Tân Hòa về công tác cải cách hành chính',
        summary: 'Đoàn ghi nhận nhiều cách làm hay ở Bộ phận Một cửa và đề nghị xã nâng tỷ lệ hồ sơ trực tuyến.',
        lead: 'Đoàn kiểm tra cải cách hành chính của tỉnh Lam Giang vừa có buổi làm việc tại xã Tân Hòa, kiểm tra trực tiếp hồ sơ, sổ sách tại Bộ phận Một cửa.',
        featured: true,
      },
      {
        title: 'Người dân Tân Hòa làm thủ tục đăng ký khai sinh trực tuyến chỉ trong một buổi',
        summary: 'Liên thông khai sinh – thường trú – bảo hiểm y tế cho trẻ dưới 6 tuổi giúp người dân không phải đi lại nhiều lần.',
        lead: 'Chỉ với chiếc điện thoại và tài khoản định danh điện tử mức 2, nhiều gia đình ở Tân Hòa đã hoàn thành thủ tục cho con mà không cần đến trụ sở xã.',
      },
      {
        title: '100% thủ tục hành chính cấp xã được công khai trên cổng thông tin',
        summary: 'Danh mục, quy trình và mẫu đơn của tất cả thủ tục thuộc thẩm quyền cấp xã đã được cập nhật đầy đủ.',
        lead: 'Ủy ban nhân dân xã Tân Hòa vừa hoàn thành việc rà soát, công khai toàn bộ thủ tục hành chính thuộc thẩm quyền giải quyết của xã.',
      },
      {
        title: 'Tổ công nghệ số cộng đồng hướng dẫn bà con dùng dịch vụ công',
        summary: 'Các tổ công nghệ số ở thôn đến từng hộ hướng dẫn cài ứng dụng định danh và nộp hồ sơ trực tuyến.',
        lead: 'Mỗi buổi tối, thành viên tổ công nghệ số cộng đồng ở các thôn lại có mặt tại nhà văn hóa để “cầm tay chỉ việc” cho người dân.',
      },
      {
        title: 'Xã Tân Hòa đứng thứ 3 toàn tỉnh về chỉ số hài lòng của người dân',
        summary: 'Kết quả khảo sát cho thấy người dân đánh giá cao thái độ phục vụ và thời gian giải quyết hồ sơ.',
        lead: 'Theo kết quả đo lường sự hài lòng năm 2026 do tỉnh công bố, xã Tân Hòa nằm trong nhóm dẫn đầu với tỷ lệ hài lòng trên 97%.',
      },
      {
        title: 'Niêm yết số điện thoại đường dây nóng tiếp nhận phản ánh về thủ tục hành chính',
        summary: 'Người dân có thể phản ánh việc giải quyết hồ sơ chậm, gây phiền hà qua điện thoại hoặc thư điện tử.',
        lead: 'Để kịp thời chấn chỉnh những biểu hiện gây phiền hà, xã Tân Hòa đã niêm yết số điện thoại đường dây nóng tại trụ sở và các nhà văn hóa thôn.',
      },
    ],
  },
  {
    name: 'Kinh tế – Nông nghiệp',
    description: 'Sản xuất nông nghiệp, nông thôn mới, làng nghề và kinh tế hộ.',
    sections: [
      {
        heading: 'Tình hình sản xuất',
        paragraphs: [
          'Thời tiết cơ bản thuận lợi, cây lúa sinh trưởng tốt, sâu bệnh được phát hiện sớm và xử lý kịp thời. Hợp tác xã dịch vụ nông nghiệp cung ứng giống, vật tư đúng thời vụ với giá hợp lý.',
          'Nhiều hộ mạnh dạn chuyển đổi diện tích lúa kém hiệu quả sang trồng rau màu, cây ăn quả và nuôi thủy sản, cho thu nhập cao gấp hai đến ba lần so với trước.',
        ],
      },
      {
        heading: 'Giải pháp cho vụ tới',
        paragraphs: [
          'Xã khuyến khích liên kết sản xuất theo chuỗi, xây dựng nhãn hiệu cho nông sản chủ lực và hỗ trợ hộ dân đăng ký sản phẩm OCOP.',
        ],
      },
    ],
    points: [
      'Gieo cấy đúng khung thời vụ khuyến cáo',
      'Sử dụng giống lúa chất lượng cao, kháng sâu bệnh',
      'Thăm đồng thường xuyên, không phun thuốc tràn lan',
      'Thu gom vỏ bao bì thuốc bảo vệ thực vật đúng nơi quy định',
    ],
    table: { caption: 'Kết quả sản xuất chính', rows: ['Diện tích lúa', 'Diện tích rau màu', 'Diện tích nuôi thủy sản'], unit: 'ha' },
    articles: [
      {
        title: 'Nông dân Tân Hòa thu hoạch lúa vụ mùa, năng suất ước đạt 58 tạ/ha',
        summary: 'Vụ mùa năm nay được mùa, được giá; nhiều cánh đồng đã dùng máy gặt đập liên hợp.',
        lead: 'Những ngày này, trên các cánh đồng của xã Tân Hòa, bà con nông dân đang tập trung thu hoạch lúa vụ mùa khi trời còn nắng ráo.',
        featured: true,
      },
      {
        title: 'Mô hình trồng dưa lưới trong nhà màng cho thu nhập 600 triệu đồng mỗi năm',
        summary: 'Hai thanh niên thôn Đông Hòa đầu tư nhà màng, áp dụng tưới nhỏ giọt và bán sản phẩm qua sàn thương mại điện tử.',
        lead: 'Từ mảnh vườn tạp của gia đình, hai anh em ở thôn Đông Hòa đã xây dựng thành công mô hình dưa lưới công nghệ cao đầu tiên của xã.',
      },
      {
        title: 'Xã Tân Hòa có thêm hai sản phẩm đạt chuẩn OCOP 3 sao',
        summary: 'Nước mắm cá cơm truyền thống và mật ong hoa nhãn của hợp tác xã đã được công nhận đạt chuẩn OCOP.',
        lead: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP của tỉnh vừa công nhận hai sản phẩm của xã Tân Hòa đạt chuẩn 3 sao.',
      },
      {
        title: 'Chủ động phòng chống dịch bệnh cho đàn gia súc, gia cầm mùa đông',
        summary: 'Xã tổ chức tiêm phòng đợt 2, phun khử trùng chuồng trại và hướng dẫn chống rét cho vật nuôi.',
        lead: 'Trước diễn biến thời tiết chuyển lạnh, Ủy ban nhân dân xã Tân Hòa chỉ đạo các thôn chủ động các biện pháp phòng chống dịch bệnh cho đàn vật nuôi.',
      },
      {
        title: 'Làm đường giao thông nội đồng: người dân góp đất, góp công',
        summary: 'Gần 3 km đường nội đồng được bê tông hóa, thuận tiện cho cơ giới hóa sản xuất.',
        lead: 'Với phương châm “Nhà nước và nhân dân cùng làm”, xã Tân Hòa đã hoàn thành gần 3 km đường giao thông nội đồng trước kế hoạch một tháng.',
      },
      {
        title: 'Hợp tác xã Tân Hòa ký kết bao tiêu 120 ha lúa chất lượng cao',
        summary: 'Doanh nghiệp cam kết thu mua toàn bộ sản lượng với giá cao hơn thị trường 5–8%.',
        lead: 'Hợp tác xã dịch vụ nông nghiệp Tân Hòa và một doanh nghiệp chế biến lương thực vừa ký hợp đồng liên kết sản xuất, bao tiêu lúa chất lượng cao.',
      },
    ],
  },
  {
    name: 'Văn hóa – Xã hội',
    description: 'Văn hóa, thể thao, lao động, việc làm và an sinh xã hội.',
    sections: [
      {
        heading: 'Chăm lo an sinh xã hội',
        paragraphs: [
          'Công tác chăm lo cho người có công, hộ nghèo, người cao tuổi và trẻ em có hoàn cảnh khó khăn được thực hiện đầy đủ, kịp thời, đúng đối tượng. Các khoản trợ cấp được chi trả qua tài khoản ngân hàng, giảm thời gian đi lại cho người dân.',
          'Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tiếp tục được duy trì; các thôn giữ vững danh hiệu khu dân cư văn hóa, nhiều gia đình được công nhận gia đình văn hóa tiêu biểu.',
        ],
      },
      {
        heading: 'Phong trào văn hóa, thể thao',
        paragraphs: [
          'Các câu lạc bộ văn nghệ, thể thao ở thôn hoạt động đều đặn, thu hút đông đảo người dân tham gia, góp phần nâng cao đời sống tinh thần ở khu dân cư.',
        ],
      },
    ],
    points: [
      'Thăm hỏi, tặng quà gia đình chính sách đúng dịp',
      'Hỗ trợ xây, sửa nhà cho hộ nghèo, hộ cận nghèo',
      'Tổ chức giải thể thao quần chúng ở các thôn',
      'Giữ gìn, phát huy các lễ hội truyền thống của địa phương',
    ],
    table: { caption: 'Kết quả chăm lo an sinh', rows: ['Suất quà được trao', 'Nhà được hỗ trợ xây, sửa', 'Lao động được tạo việc làm mới'], unit: 'suất/nhà/người' },
    articles: [
      {
        title: 'Trao 150 suất quà cho hộ nghèo và gia đình chính sách dịp cuối năm',
        summary: 'Mỗi suất quà trị giá 500.000 đồng gồm tiền mặt và nhu yếu phẩm, do các nhà hảo tâm đóng góp.',
        lead: 'Từ nguồn Quỹ “Vì người nghèo” và sự chung tay của các nhà hảo tâm, xã Tân Hòa đã trao 150 suất quà cho các hộ có hoàn cảnh khó khăn.',
      },
      {
        title: 'Khai mạc Đại hội Thể dục thể thao xã Tân Hòa lần thứ nhất',
        summary: 'Hơn 400 vận động viên của 11 thôn tranh tài ở 7 môn thi đấu trong 5 ngày.',
        lead: 'Tối qua, tại sân vận động trung tâm, xã Tân Hòa long trọng khai mạc Đại hội Thể dục thể thao lần thứ nhất sau khi sắp xếp đơn vị hành chính.',
        featured: true,
      },
      {
        title: 'Bàn giao nhà “Đại đoàn kết” cho gia đình bà Lê Thị Hạnh ở thôn Phú Xuân',
        summary: 'Ngôi nhà 60 m² được xây dựng từ nguồn hỗ trợ của Ủy ban Mặt trận Tổ quốc và ngày công của bà con lối xóm.',
        lead: 'Sau hơn hai tháng thi công, ngôi nhà “Đại đoàn kết” của gia đình bà Lê Thị Hạnh ở thôn Phú Xuân đã hoàn thành và được bàn giao.',
      },
      {
        title: 'Lễ hội đình làng Trung Hòa được công nhận di sản văn hóa phi vật thể cấp tỉnh',
        summary: 'Lễ hội gắn với tục thờ Thành hoàng làng và các trò chơi dân gian được gìn giữ qua nhiều thế hệ.',
        lead: 'Ủy ban nhân dân tỉnh Lam Giang vừa quyết định đưa Lễ hội đình làng Trung Hòa vào danh mục di sản văn hóa phi vật thể cấp tỉnh.',
      },
      {
        title: 'Phiên giao dịch việc làm lưu động thu hút hơn 300 lao động',
        summary: '20 doanh nghiệp trong và ngoài tỉnh tuyển dụng gần 1.000 chỉ tiêu, nhiều vị trí không yêu cầu kinh nghiệm.',
        lead: 'Trung tâm Dịch vụ việc làm tỉnh phối hợp với xã Tân Hòa tổ chức phiên giao dịch việc làm lưu động ngay tại nhà văn hóa xã.',
      },
      {
        title: 'Câu lạc bộ dân ca Tân Hòa: nơi giữ hồn làn điệu quê hương',
        summary: 'Hơn 30 thành viên ở mọi lứa tuổi sinh hoạt đều đặn mỗi tối thứ Năm tại nhà văn hóa thôn.',
        lead: 'Không có sân khấu lớn, không có đạo cụ cầu kỳ, các thành viên câu lạc bộ dân ca vẫn miệt mài truyền dạy cho lớp trẻ những làn điệu của quê hương.',
      },
    ],
  },
  {
    name: 'Quốc phòng – An ninh',
    description: 'Quân sự địa phương, an ninh trật tự và an toàn giao thông.',
    sections: [
      {
        heading: 'Tình hình an ninh trật tự',
        paragraphs: [
          'Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định. Công an xã duy trì tuần tra, kiểm soát vào ban đêm, nhất là ở các tuyến đường liên thôn và khu vực đông người.',
          'Phong trào toàn dân bảo vệ an ninh Tổ quốc được đẩy mạnh; các tổ bảo vệ an ninh trật tự ở cơ sở phát huy vai trò nắm tình hình, hòa giải mâu thuẫn ngay từ khi mới phát sinh.',
        ],
      },
      {
        heading: 'Khuyến cáo người dân',
        paragraphs: [
          'Người dân cần cảnh giác với các cuộc gọi, tin nhắn giả danh cơ quan nhà nước; tuyệt đối không cung cấp mã OTP, không chuyển tiền cho người lạ. Khi phát hiện dấu hiệu nghi vấn, hãy báo ngay cho Công an xã.',
        ],
      },
    ],
    points: [
      'Tuần tra, kiểm soát vào khung giờ cao điểm',
      'Tuyên truyền phòng chống lừa đảo qua mạng',
      'Vận động người dân giao nộp vũ khí, vật liệu nổ',
      'Xây dựng mô hình “Camera an ninh” ở khu dân cư',
    ],
    table: { caption: 'Kết quả bảo đảm an ninh trật tự', rows: ['Buổi tuần tra', 'Vụ việc được hòa giải', 'Camera an ninh lắp mới'], unit: 'lượt/vụ/chiếc' },
    articles: [
      {
        title: 'Lễ giao nhận quân năm 2027: 28 thanh niên Tân Hòa lên đường nhập ngũ',
        summary: 'Các tân binh đều có sức khỏe tốt, nhiều em đã tốt nghiệp đại học, cao đẳng.',
        lead: 'Trong không khí trang trọng, xã Tân Hòa tổ chức lễ giao nhận quân, tiễn 28 thanh niên ưu tú lên đường thực hiện nghĩa vụ quân sự.',
      },
      {
        title: 'Cảnh giác với thủ đoạn giả danh cán bộ để lừa cài ứng dụng dịch vụ công',
        summary: 'Công an xã khuyến cáo người dân chỉ cài ứng dụng từ kho chính thức và không làm theo hướng dẫn qua điện thoại.',
        lead: 'Thời gian gần đây, một số người dân trên địa bàn nhận được cuộc gọi tự xưng là cán bộ, yêu cầu cài ứng dụng lạ để “cập nhật thông tin định danh”.',
        featured: true,
      },
      {
        title: 'Diễn tập phòng thủ dân sự ứng phó bão lũ năm 2026',
        summary: 'Cuộc diễn tập giả định bão cấp 12 đổ bộ, huy động hơn 150 người và nhiều phương tiện tham gia.',
        lead: 'Nhằm nâng cao khả năng ứng phó thiên tai, Ban Chỉ huy phòng thủ dân sự xã Tân Hòa tổ chức diễn tập với tình huống giả định sát thực tế.',
      },
      {
        title: 'Ra mắt mô hình “Tổ liên gia an toàn phòng cháy, chữa cháy” ở thôn Hòa Lạc',
        summary: '12 tổ liên gia được thành lập, mỗi tổ được trang bị bình chữa cháy dùng chung.',
        lead: 'Thôn Hòa Lạc là thôn đầu tiên của xã ra mắt mô hình tổ liên gia an toàn phòng cháy, chữa cháy với sự tham gia của 180 hộ gia đình.',
      },
      {
        title: 'Huấn luyện dân quân tự vệ năm 2026 đạt loại khá',
        summary: 'Lực lượng dân quân cơ động hoàn thành chương trình huấn luyện, bắn đạn thật đạt yêu cầu.',
        lead: 'Ban Chỉ huy quân sự xã Tân Hòa vừa tổng kết công tác huấn luyện dân quân năm 2026 với kết quả chung đạt loại khá.',
      },
      {
        title: 'Không để xảy ra tai nạn giao thông nghiêm trọng trong 10 tháng',
        summary: 'Nhờ làm tốt tuyên truyền và xử lý vi phạm, tai nạn giao thông trên địa bàn giảm cả ba tiêu chí.',
        lead: 'Ban An toàn giao thông xã cho biết, 10 tháng năm 2026, trên địa bàn xã không xảy ra vụ tai nạn giao thông nghiêm trọng nào.',
      },
    ],
  },
  {
    name: 'Chuyển đổi số',
    description: 'Chính quyền số, kinh tế số và xã hội số ở cấp xã.',
    sections: [
      {
        heading: 'Kết quả chuyển đổi số',
        paragraphs: [
          'Toàn bộ văn bản đi, đến của Ủy ban nhân dân xã được xử lý trên hệ thống quản lý văn bản điện tử và ký số. Các cuộc họp được chuẩn bị tài liệu điện tử, tiết kiệm thời gian và chi phí in ấn.',
          'Người dân ngày càng quen với thanh toán không dùng tiền mặt: nhiều chợ, cửa hàng trên địa bàn đã niêm yết mã QR; học phí và tiền điện, nước đều có thể nộp qua ứng dụng ngân hàng.',
        ],
      },
      {
        heading: 'Định hướng',
        paragraphs: [
          'Xã đặt mục tiêu mỗi hộ gia đình có ít nhất một người biết sử dụng dịch vụ công trực tuyến và thanh toán điện tử; ưu tiên hỗ trợ người cao tuổi và người khuyết tật.',
        ],
      },
    ],
    points: [
      'Phủ sóng wifi miễn phí tại nhà văn hóa các thôn',
      'Kích hoạt tài khoản định danh điện tử cho người dân',
      'Đưa sản phẩm nông nghiệp lên sàn thương mại điện tử',
      'Bồi dưỡng kỹ năng số cho cán bộ, công chức',
    ],
    table: { caption: 'Một số chỉ số chuyển đổi số', rows: ['Tài khoản định danh được kích hoạt', 'Giao dịch không dùng tiền mặt', 'Văn bản được ký số'], unit: 'lượt' },
    articles: [
      {
        title: 'Xã Tân Hòa ra mắt hệ thống camera an ninh kết nối Trung tâm điều hành',
        summary: '64 camera ở các nút giao, trường học và chợ được kết nối về trung tâm của Công an xã.',
        lead: 'Với nguồn xã hội hóa, xã Tân Hòa đã hoàn thành lắp đặt và đưa vào sử dụng hệ thống camera an ninh phủ khắp các khu vực trọng điểm.',
      },
      {
        title: 'Chợ Tân Hòa thí điểm “Chợ 4.0” thanh toán không dùng tiền mặt',
        summary: '90% tiểu thương đã niêm yết mã QR; người mua chỉ cần quét mã bằng điện thoại để thanh toán.',
        lead: 'Từ đầu tháng, người đi chợ Tân Hòa có thể mua mớ rau, con cá mà không cần mang theo tiền mặt.',
        featured: true,
      },
      {
        title: 'Bồi dưỡng kỹ năng số cho 120 thành viên tổ công nghệ số cộng đồng',
        summary: 'Lớp học giúp học viên nắm vững cách hướng dẫn người dân cài đặt, sử dụng các ứng dụng thiết yếu.',
        lead: 'Ủy ban nhân dân xã Tân Hòa phối hợp với Sở Khoa học và Công nghệ tỉnh tổ chức lớp bồi dưỡng kỹ năng số cho thành viên các tổ công nghệ số cộng đồng.',
      },
      {
        title: 'Hơn 85% người dân trong độ tuổi lao động có tài khoản định danh điện tử',
        summary: 'Tỷ lệ kích hoạt tài khoản định danh mức 2 của xã đứng trong nhóm cao nhất tỉnh.',
        lead: 'Sau đợt cao điểm ra quân, tỷ lệ người dân xã Tân Hòa có tài khoản định danh điện tử mức 2 đã vượt chỉ tiêu tỉnh giao.',
      },
      {
        title: 'Họp không giấy: cán bộ xã Tân Hòa đọc tài liệu trên máy tính bảng',
        summary: 'Mỗi năm xã tiết kiệm khoảng 80.000 trang giấy nhờ chuyển sang phòng họp không giấy.',
        lead: 'Ở các cuộc họp của Ủy ban nhân dân xã Tân Hòa giờ đây không còn những chồng tài liệu dày cộp như trước.',
      },
      {
        title: 'Nông dân bán bưởi qua livestream, mỗi đêm chốt hàng trăm đơn',
        summary: 'Chị Phạm Thu Trang ở thôn Phú Xuân trở thành “người bán hàng online” thành công nhất xã.',
        lead: 'Chiếc điện thoại gắn trên giá đỡ giữa vườn bưởi đã giúp gia đình chị Phạm Thu Trang đưa sản phẩm đến với khách hàng khắp cả nước.',
      },
    ],
  },
  {
    name: 'Y tế – Giáo dục',
    description: 'Chăm sóc sức khỏe nhân dân, trường học và khuyến học.',
    sections: [
      {
        heading: 'Chăm sóc sức khỏe ban đầu',
        paragraphs: [
          'Trạm Y tế xã duy trì trực 24/24 giờ, thực hiện tốt khám chữa bệnh bảo hiểm y tế, tiêm chủng mở rộng và quản lý bệnh không lây nhiễm tại cộng đồng. Hồ sơ sức khỏe điện tử đã được lập cho phần lớn người dân.',
          'Các trường học trên địa bàn đảm bảo cơ sở vật chất cho năm học mới, tỷ lệ học sinh chuyển lớp, tốt nghiệp đạt cao; phong trào khuyến học, khuyến tài được các dòng họ và gia đình hưởng ứng.',
        ],
      },
      {
        heading: 'Khuyến cáo',
        paragraphs: [
          'Người dân nên khám sức khỏe định kỳ, tiêm vắc xin đầy đủ theo lịch và đến ngay cơ sở y tế khi có dấu hiệu bất thường. Phụ huynh cần quan tâm an toàn cho trẻ trên đường đến trường.',
        ],
      },
    ],
    points: [
      'Tiêm chủng đầy đủ, đúng lịch cho trẻ em',
      'Khám sàng lọc bệnh không lây nhiễm cho người cao tuổi',
      'Giữ vệ sinh môi trường, phòng chống sốt xuất huyết',
      'Quan tâm đến sức khỏe tâm thần của học sinh',
    ],
    table: { caption: 'Kết quả y tế – giáo dục', rows: ['Lượt khám chữa bệnh', 'Trẻ được tiêm chủng đầy đủ', 'Học sinh được khen thưởng'], unit: 'lượt/trẻ/em' },
    articles: [
      {
        title: 'Khám sàng lọc miễn phí cho hơn 500 người cao tuổi',
        summary: 'Các bác sĩ tuyến tỉnh cùng Trạm Y tế xã khám, tư vấn và cấp thuốc miễn phí cho người cao tuổi.',
        lead: 'Hưởng ứng Tháng hành động vì người cao tuổi, Trạm Y tế xã Tân Hòa phối hợp với Bệnh viện đa khoa tỉnh tổ chức khám sàng lọc miễn phí.',
      },
      {
        title: 'Trường Tiểu học Tân Hòa đón Bằng công nhận đạt chuẩn quốc gia mức độ 2',
        summary: 'Sau 5 năm phấn đấu, nhà trường hoàn thành tất cả tiêu chuẩn về cơ sở vật chất và chất lượng giáo dục.',
        lead: 'Trong niềm vui của thầy cô, học sinh và phụ huynh, Trường Tiểu học Tân Hòa long trọng đón nhận Bằng công nhận trường đạt chuẩn quốc gia mức độ 2.',
        featured: true,
      },
      {
        title: 'Quỹ khuyến học xã trao 85 suất học bổng cho học sinh vượt khó',
        summary: 'Tổng giá trị học bổng hơn 120 triệu đồng, trong đó có 10 suất cho tân sinh viên.',
        lead: 'Hội Khuyến học xã Tân Hòa vừa tổ chức lễ trao học bổng cho học sinh, sinh viên có hoàn cảnh khó khăn vươn lên học tốt.',
      },
      {
        title: 'Chủ động phòng chống sốt xuất huyết trong mùa mưa',
        summary: 'Xã phát động chiến dịch diệt lăng quăng, bọ gậy tại tất cả các hộ gia đình.',
        lead: 'Trước nguy cơ sốt xuất huyết gia tăng vào mùa mưa, Ban Chỉ đạo chăm sóc sức khỏe nhân dân xã Tân Hòa triển khai chiến dịch vệ sinh môi trường.',
      },
      {
        title: 'Khánh thành điểm trường mầm non thôn Đông Hòa',
        summary: 'Điểm trường có 4 phòng học, khu vui chơi và bếp ăn một chiều, đáp ứng nhu cầu gửi trẻ của 120 gia đình.',
        lead: 'Sau 8 tháng xây dựng, điểm trường mầm non thôn Đông Hòa đã hoàn thành và đưa vào sử dụng đúng dịp khai giảng.',
      },
      {
        title: 'Trạm Y tế xã triển khai sổ sức khỏe điện tử cho người dân',
        summary: 'Người dân có thể xem kết quả khám, lịch tiêm chủng và đơn thuốc ngay trên ứng dụng định danh.',
        lead: 'Trạm Y tế xã Tân Hòa là một trong những trạm đầu tiên của tỉnh hoàn thành việc đồng bộ dữ liệu sổ sức khỏe điện tử của người dân.',
      },
    ],
  },
];

/** Articles saved as drafts only: editors' work in progress, never public. */
export const DRAFT_ARTICLES = [
  {
    title: 'Bản nháp: Kế hoạch tổ chức Tết Nguyên đán 2027',
    summary: 'Dự thảo kế hoạch, chờ Chủ tịch UBND xã cho ý kiến.',
    lead: 'Dự thảo này chưa được duyệt và không được đăng trên cổng thông tin.',
  },
  {
    title: 'Bản nháp: Tổng kết phong trào thi đua năm 2026',
    summary: 'Số liệu đang được các thôn bổ sung.',
    lead: 'Bản nháp phục vụ việc tổng hợp số liệu, chưa công bố.',
  },
];

export interface DemoAnnouncement {
  title: string;
  issuingUnit: string;
  body: string;
  pinned?: boolean;
  /** Days from the seed date until it expires; negative means already expired. */
  validForDays?: number;
  pdf?: { name: string; heading: string; lines: string[] };
}

export const ANNOUNCEMENTS: DemoAnnouncement[] = [
  {
    title: 'Thông báo lịch tiếp công dân của Chủ tịch UBND xã tháng 12 năm 2026',
    issuingUnit: 'Văn phòng HĐND và UBND xã',
    pinned: true,
    validForDays: 35,
    body: 'Chủ tịch Ủy ban nhân dân xã Tân Hòa tiếp công dân định kỳ vào **sáng thứ Năm tuần thứ hai và tuần thứ tư** của tháng 12 năm 2026, tại phòng tiếp công dân, trụ sở UBND xã.\n\nCông dân đến trình bày ý kiến cần mang theo căn cước và các giấy tờ liên quan. Trường hợp nhiều người cùng phản ánh một nội dung thì cử người đại diện.',
    pdf: {
      name: 'lich-tiep-cong-dan-thang-12-2026.pdf',
      heading: 'LỊCH TIẾP CÔNG DÂN THÁNG 12 NĂM 2026',
      lines: ['Thứ Năm, 10/12/2026: Chủ tịch UBND xã tiếp công dân, buổi sáng.', 'Thứ Năm, 24/12/2026: Chủ tịch UBND xã tiếp công dân, buổi sáng.', 'Địa điểm: phòng tiếp công dân, trụ sở UBND xã Tân Hòa.'],
    },
  },
  {
    title: 'Thông báo tuyển dụng công chức cấp xã năm 2026',
    issuingUnit: 'Ủy ban nhân dân xã',
    pinned: true,
    validForDays: 20,
    body: 'Ủy ban nhân dân xã Tân Hòa thông báo tuyển dụng **03 chỉ tiêu** công chức: Văn phòng – Thống kê, Tư pháp – Hộ tịch và Địa chính – Xây dựng.\n\n## Điều kiện dự tuyển\n\n- Có quốc tịch Việt Nam, từ đủ 18 tuổi trở lên;\n- Có trình độ đại học phù hợp với vị trí dự tuyển;\n- Có đủ sức khỏe để thực hiện nhiệm vụ.\n\nHồ sơ nộp tại Bộ phận Một cửa của xã trong giờ hành chính. Chi tiết xem tệp đính kèm.',
    pdf: {
      name: 'thong-bao-tuyen-dung-cong-chuc-2026.pdf',
      heading: 'THÔNG BÁO TUYỂN DỤNG CÔNG CHỨC CẤP XÃ NĂM 2026',
      lines: ['Chỉ tiêu: 03 công chức.', 'Vị trí: Văn phòng – Thống kê; Tư pháp – Hộ tịch; Địa chính – Xây dựng.', 'Thời hạn nhận hồ sơ: 20 ngày kể từ ngày thông báo.'],
    },
  },
  {
    title: 'Thông báo lịch cắt điện để bảo dưỡng lưới điện thôn Trung Hòa, Phú Xuân',
    issuingUnit: 'Điện lực khu vực',
    validForDays: 5,
    body: 'Để bảo dưỡng đường dây, ngành điện tạm ngừng cấp điện từ **7 giờ 30 đến 16 giờ 30** ngày thứ Bảy tuần này tại thôn Trung Hòa và thôn Phú Xuân.\n\nĐề nghị các hộ gia đình, cơ sở sản xuất chủ động bố trí công việc. Thời gian có điện trở lại có thể sớm hơn dự kiến.',
  },
  {
    title: 'Thông báo về việc thu gom rác thải sinh hoạt theo lịch mới',
    issuingUnit: 'Ủy ban nhân dân xã',
    validForDays: 90,
    body: 'Kể từ ngày 01/12/2026, xe thu gom rác hoạt động theo lịch mới:\n\n| Thôn | Ngày thu gom | Giờ |\n|---|---|---|\n| Trung Hòa, Đông Hòa | Thứ Hai, thứ Năm | 6:00 – 8:00 |\n| Phú Xuân, Hòa Lạc | Thứ Ba, thứ Sáu | 6:00 – 8:00 |\n| Các thôn còn lại | Thứ Tư, thứ Bảy | 15:00 – 17:00 |\n\nĐề nghị người dân phân loại rác tại nguồn và để rác đúng nơi quy định.',
  },
  {
    title: 'Thông báo kết quả bình xét hộ nghèo, hộ cận nghèo năm 2026',
    issuingUnit: 'Ban Chỉ đạo giảm nghèo xã',
    pinned: true,
    validForDays: 15,
    body: 'Ban Chỉ đạo giảm nghèo xã công khai danh sách hộ nghèo, hộ cận nghèo năm 2026 sau bình xét tại các thôn. Danh sách được niêm yết tại nhà văn hóa các thôn và đính kèm thông báo này.\n\nMọi ý kiến thắc mắc gửi về Ủy ban nhân dân xã trong thời hạn 07 ngày kể từ ngày niêm yết.',
    pdf: {
      name: 'ket-qua-binh-xet-ho-ngheo-2026.pdf',
      heading: 'KẾT QUẢ BÌNH XÉT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2026',
      lines: ['Tổng số hộ nghèo: 42 hộ (1,3%).', 'Tổng số hộ cận nghèo: 87 hộ (2,7%).', 'Danh sách chi tiết niêm yết tại nhà văn hóa các thôn.'],
    },
  },
  {
    title: 'Thông báo tiêm vắc xin sởi – rubella cho trẻ từ 1 đến 5 tuổi',
    issuingUnit: 'Trạm Y tế xã',
    validForDays: -10,
    body: 'Trạm Y tế xã tổ chức tiêm vắc xin sởi – rubella cho trẻ từ 1 đến 5 tuổi vào ngày 15 và 16 hằng tháng. Phụ huynh mang theo sổ tiêm chủng hoặc mở ứng dụng sổ sức khỏe điện tử khi đưa trẻ đi tiêm.',
  },
  {
    title: 'Thông báo nghỉ lễ Quốc khánh 2/9 năm 2026',
    issuingUnit: 'Văn phòng HĐND và UBND xã',
    validForDays: -80,
    body: 'Cán bộ, công chức xã nghỉ lễ Quốc khánh từ ngày 31/8 đến hết ngày 02/9/2026. Bộ phận Một cửa bố trí người trực để tiếp nhận hồ sơ khẩn.',
  },
  {
    title: 'Thông báo lấy ý kiến nhân dân về dự thảo quy hoạch khu dân cư mới thôn Đông Hòa',
    issuingUnit: 'Ủy ban nhân dân xã',
    validForDays: -3,
    body: 'Ủy ban nhân dân xã lấy ý kiến người dân về dự thảo quy hoạch chi tiết khu dân cư mới thôn Đông Hòa, quy mô 4,2 ha. Bản vẽ được trưng bày tại hội trường UBND xã.\n\nÝ kiến góp ý gửi trực tiếp hoặc qua thư điện tử của xã.',
    pdf: {
      name: 'du-thao-quy-hoach-khu-dan-cu-dong-hoa.pdf',
      heading: 'DỰ THẢO QUY HOẠCH KHU DÂN CƯ MỚI THÔN ĐÔNG HÒA',
      lines: ['Quy mô: 4,2 ha; khoảng 160 lô đất ở.', 'Hạ tầng: đường nội bộ, điện, nước, cây xanh, nhà văn hóa.', 'Thời gian lấy ý kiến: 30 ngày.'],
    },
  },
  {
    title: 'Thông báo chi trả trợ cấp xã hội tháng 12 qua tài khoản ngân hàng',
    issuingUnit: 'Công chức Văn hóa – Xã hội',
    validForDays: 25,
    body: 'Trợ cấp xã hội tháng 12 được chuyển vào tài khoản của người hưởng từ ngày 05/12/2026. Người chưa có tài khoản vui lòng liên hệ công chức Văn hóa – Xã hội để được hướng dẫn mở tài khoản miễn phí.',
  },
  {
    title: 'Thông báo phát động Tết trồng cây đời đời nhớ ơn Bác Hồ',
    issuingUnit: 'Ủy ban nhân dân xã',
    body: 'Ủy ban nhân dân xã phát động Tết trồng cây, mỗi thôn trồng ít nhất 200 cây xanh tại khu vực công cộng, đường làng và trường học. Cây giống được xã hỗ trợ qua hợp tác xã.',
  },
  {
    title: 'Thông báo về việc cấp đổi giấy chứng nhận quyền sử dụng đất',
    issuingUnit: 'Công chức Địa chính – Xây dựng',
    validForDays: 60,
    body: 'Người dân có nhu cầu cấp đổi giấy chứng nhận quyền sử dụng đất bị rách, mờ hoặc sai thông tin nộp hồ sơ tại Bộ phận Một cửa hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.\n\nThành phần hồ sơ gồm đơn đề nghị theo mẫu và bản gốc giấy chứng nhận đã cấp.',
  },
];

export const LINKS: Array<{ title: string; url: string; group: 'Trung ương' | 'Tỉnh, thành phố' | 'Sở, ban, ngành' | 'Xã, phường' | 'Khác' }> = [
  { title: 'Cổng Thông tin điện tử Chính phủ', url: 'https://chinhphu.vn', group: 'Trung ương' },
  { title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn', group: 'Trung ương' },
  { title: 'Cơ sở dữ liệu quốc gia về văn bản pháp luật', url: 'https://vbpl.vn', group: 'Trung ương' },
  { title: 'Báo Nhân Dân điện tử', url: 'https://nhandan.vn', group: 'Trung ương' },
  { title: 'Cổng Thông tin điện tử Quốc hội', url: 'https://quochoi.vn', group: 'Trung ương' },
  { title: 'Cổng Thông tin điện tử tỉnh Lam Giang', url: 'https://lamgiang.gov.vn', group: 'Tỉnh, thành phố' },
  { title: 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh', url: 'https://dichvucong.lamgiang.gov.vn', group: 'Tỉnh, thành phố' },
  { title: 'Báo Lam Giang điện tử', url: 'https://baolamgiang.vn', group: 'Tỉnh, thành phố' },
  { title: 'Sở Nội vụ tỉnh Lam Giang', url: 'https://snv.lamgiang.gov.vn', group: 'Sở, ban, ngành' },
  { title: 'Sở Nông nghiệp và Môi trường tỉnh Lam Giang', url: 'https://snnmt.lamgiang.gov.vn', group: 'Sở, ban, ngành' },
  { title: 'Sở Khoa học và Công nghệ tỉnh Lam Giang', url: 'https://skhcn.lamgiang.gov.vn', group: 'Sở, ban, ngành' },
  { title: 'Sở Y tế tỉnh Lam Giang', url: 'https://syt.lamgiang.gov.vn', group: 'Sở, ban, ngành' },
  { title: 'Xã Tân Phú', url: 'https://tanphu.lamgiang.gov.vn', group: 'Xã, phường' },
  { title: 'Xã Hòa Bình', url: 'https://hoabinh.lamgiang.gov.vn', group: 'Xã, phường' },
  { title: 'Phường Lam Sơn', url: 'https://lamson.lamgiang.gov.vn', group: 'Xã, phường' },
  { title: 'Xã An Lạc', url: 'https://anlac.lamgiang.gov.vn', group: 'Xã, phường' },
  { title: 'Tổng đài hỗ trợ dịch vụ công 1022', url: 'https://1022.lamgiang.gov.vn', group: 'Khác' },
];

export const PAGES: Array<{ title: string; slug: string; body: string }> = [
  {
    title: 'Giới thiệu',
    slug: 'gioi-thieu',
    body: `Xã Tân Hòa được thành lập ngày 01/7/2025 trên cơ sở sắp xếp ba xã Tân Phong, Hòa Thịnh và Trung Lập của tỉnh Lam Giang.

## Vị trí địa lý

Xã nằm ở phía đông tỉnh Lam Giang, cách trung tâm tỉnh khoảng 25 km. Phía bắc giáp xã Tân Phú, phía nam giáp xã Hòa Bình, phía đông giáp biển, phía tây giáp phường Lam Sơn.

## Diện tích và dân số

| Chỉ tiêu | Số liệu |
|---|---|
| Diện tích tự nhiên | 48,6 km² |
| Dân số | 32.415 người |
| Số hộ | 8.952 hộ |
| Số thôn | 11 thôn |

## Tiềm năng

Xã có đất đai màu mỡ, bờ biển dài 6 km, nghề làm nước mắm truyền thống và lễ hội đình làng Trung Hòa được công nhận di sản văn hóa phi vật thể cấp tỉnh.

## Tổ chức bộ máy

Ủy ban nhân dân xã gồm Chủ tịch, hai Phó Chủ tịch, Văn phòng HĐND và UBND, Phòng Kinh tế, Phòng Văn hóa – Xã hội, Trung tâm Phục vụ hành chính công và các thôn. Xem [sơ đồ cơ cấu tổ chức](/co-cau-to-chuc/), chức năng, nhiệm vụ của từng đơn vị và [danh bạ điện thoại, thư điện tử](/danh-ba/).`,
  },
  {
    title: 'Liên hệ',
    slug: 'lien-he',
    body: `**Ủy ban nhân dân xã Tân Hòa**

- Địa chỉ: Số 12 đường Trần Phú, thôn Trung Hòa, xã Tân Hòa, tỉnh Lam Giang
- Điện thoại: [0239 3860 125](tel:02393860125)
- Đường dây nóng: [0912 345 678](tel:0912345678)
- Thư điện tử: [ubnd.tanhoa@lamgiang.gov.vn](mailto:ubnd.tanhoa@lamgiang.gov.vn)

## Giờ làm việc

Buổi sáng từ 7 giờ 30 đến 11 giờ 30, buổi chiều từ 13 giờ 30 đến 17 giờ, từ thứ Hai đến thứ Sáu. Bộ phận Một cửa làm việc thêm sáng thứ Bảy.`,
  },
];

/**
 * Readers' comments: on the first articles of the first category (`article` indexes into it);
 * approved ones are published, the last one waits for an editor ("chờ duyệt").
 */
export const COMMENTS = [
  { article: 0, name: 'Lê Thị Mai', content: 'Cảm ơn Ủy ban đã thông tin kịp thời. Mong xã sớm công khai lịch thi công cụ thể để bà con sắp xếp việc đi lại.', approved: true },
  { article: 0, name: 'Hoàng Văn Tùng', content: 'Đề nghị bổ sung đèn chiếu sáng ở đoạn đường gần trường tiểu học, buổi tối các cháu đi học thêm về rất tối.', approved: true },
  { article: 1, name: 'Phạm Minh Đức', content: 'Tôi làm thủ tục trực tuyến theo hướng dẫn, hai ngày sau đã nhận kết quả. Rất thuận tiện.', approved: true },
  { article: 0, name: 'Một người dân thôn Bắc', content: 'Xin hỏi bộ phận một cửa buổi chiều tiếp nhận hồ sơ đến mấy giờ?', approved: false },
] as const;
