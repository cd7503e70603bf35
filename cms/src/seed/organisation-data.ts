/**
 * Original demo organisation of the fictional xã Tân Hòa, tỉnh Lam Giang: its units in their
 * hierarchy and its officials. Every name, number and address here is invented for the demo.
 * English fields are filled for most entries; Thôn Bắc Lập and a few positions are left
 * untranslated on purpose, so the English pages show their "Not yet translated." note.
 */

export interface DemoUnit {
  name: string;
  kind: 'Lãnh đạo' | 'Phòng, ban chuyên môn' | 'Thôn, tổ dân phố' | 'Đơn vị trực thuộc' | 'Khác';
  /** The parent unit's name (it comes earlier in the list). */
  parent?: string;
  functions: string;
  address?: string;
  phone?: string;
  email?: string;
  nameEn?: string;
  functionsEn?: string;
  order: number;
}

export interface DemoOfficial {
  name: string;
  position: string;
  positionEn?: string;
  /** The unit's name. */
  unit: string;
  phone?: string;
  email?: string;
  bio?: string;
  bioEn?: string;
  focalPoint?: boolean;
  order: number;
  /** Saved as a draft: never on the site. */
  draft?: boolean;
}

const OFFICE = 'Trụ sở UBND xã, số 12 đường Trần Phú, thôn Trung Hòa';

export const UNITS: DemoUnit[] = [
  {
    name: 'Lãnh đạo UBND xã',
    kind: 'Lãnh đạo',
    order: 1,
    address: OFFICE,
    phone: '0239 3860 101',
    email: 'ubnd.tanhoa@lamgiang.gov.vn',
    nameEn: 'Leadership of the Commune People’s Committee',
    functions: `Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân xã lãnh đạo, điều hành công việc của Ủy ban theo quy chế làm việc.

- Tổ chức thực hiện nghị quyết của Hội đồng nhân dân xã và văn bản của cấp trên trên địa bàn.
- Phân công các Phó Chủ tịch phụ trách từng lĩnh vực: kinh tế, hạ tầng; văn hóa, xã hội.
- Chỉ đạo các phòng chuyên môn, Trung tâm Phục vụ hành chính công và các thôn.
- Tiếp công dân định kỳ vào sáng thứ Năm hằng tuần tại trụ sở Ủy ban.`,
    functionsEn: `The Chairman and Vice Chairpersons lead and run the work of the Commune People’s Committee under its working rules.

- Carry out the resolutions of the commune People’s Council and the decisions of higher authorities.
- Divide the fields of work between the Vice Chairpersons: economy and infrastructure; culture and society.
- Direct the specialised offices, the public administrative service centre and the hamlets.
- Receive citizens every Thursday morning at the Committee’s office.`,
  },
  {
    name: 'Văn phòng HĐND và UBND',
    kind: 'Phòng, ban chuyên môn',
    parent: 'Lãnh đạo UBND xã',
    order: 2,
    address: `${OFFICE}, tầng 1`,
    phone: '0239 3860 110',
    email: 'vanphong.tanhoa@lamgiang.gov.vn',
    nameEn: 'Office of the People’s Council and People’s Committee',
    functions: `Tham mưu tổng hợp cho Hội đồng nhân dân và Ủy ban nhân dân xã.

- Xây dựng chương trình, lịch công tác; chuẩn bị các kỳ họp và phiên họp.
- Quản lý văn thư, lưu trữ, con dấu và hệ thống quản lý văn bản điện tử.
- Quản lý Cổng thông tin điện tử xã; làm đầu mối tiếp nhận yêu cầu cung cấp thông tin của công dân.
- Bảo đảm cơ sở vật chất, tài chính và kế toán của cơ quan.`,
    functionsEn: `Advises the People’s Council and the People’s Committee and coordinates their work.

- Prepares work programmes and schedules, sessions and meetings.
- Manages records, archives, the seal and the electronic document system.
- Runs the commune’s web portal and receives citizens’ requests for information.
- Looks after the premises, finance and accounting of the Committee.`,
  },
  {
    name: 'Phòng Kinh tế',
    kind: 'Phòng, ban chuyên môn',
    parent: 'Lãnh đạo UBND xã',
    order: 3,
    address: `${OFFICE}, tầng 2`,
    phone: '0239 3860 120',
    email: 'kinhte.tanhoa@lamgiang.gov.vn',
    nameEn: 'Economic Office',
    functions: `Tham mưu quản lý nhà nước về nông nghiệp, môi trường, đất đai, xây dựng, giao thông, công thương và tài chính – ngân sách xã.

- Theo dõi sản xuất lúa, cây ăn quả và nghề làm nước mắm truyền thống.
- Quản lý đất đai, trật tự xây dựng, đường giao thông nông thôn và kênh mương nội đồng.
- Lập dự toán, theo dõi thực hiện ngân sách và công khai ngân sách xã.`,
    functionsEn: `Advises on agriculture, the environment, land, construction, transport, trade and the commune budget.

- Follows rice and fruit farming and the traditional fish sauce trade.
- Manages land, building permits, rural roads and irrigation canals.
- Prepares the budget estimate, follows its execution and publishes the commune budget.`,
  },
  {
    name: 'Phòng Văn hóa – Xã hội',
    kind: 'Phòng, ban chuyên môn',
    parent: 'Lãnh đạo UBND xã',
    order: 4,
    address: `${OFFICE}, tầng 2`,
    phone: '0239 3860 130',
    email: 'vhxh.tanhoa@lamgiang.gov.vn',
    nameEn: 'Culture and Social Affairs Office',
    functions: `Tham mưu quản lý nhà nước về văn hóa, thể thao, du lịch, thông tin, giáo dục, y tế, lao động và chính sách xã hội.

- Tổ chức lễ hội đình làng Trung Hòa và phong trào văn hóa, thể thao ở các thôn.
- Thực hiện chính sách đối với người có công, hộ nghèo, người cao tuổi và trẻ em.
- Phối hợp với trạm y tế và các trường học trên địa bàn.`,
    functionsEn: `Advises on culture, sport, tourism, information, education, health, labour and social policy.

- Organises the Trung Hoa communal house festival and cultural and sports activities in the hamlets.
- Carries out policies for people with meritorious services, poor households, the elderly and children.
- Works with the commune health station and the schools.`,
  },
  {
    name: 'Trung tâm Phục vụ hành chính công',
    kind: 'Đơn vị trực thuộc',
    parent: 'Lãnh đạo UBND xã',
    order: 5,
    address: `${OFFICE}, nhà một cửa`,
    phone: '0239 3860 140',
    email: 'motcua.tanhoa@lamgiang.gov.vn',
    nameEn: 'Public Administrative Service Centre',
    functions: `Tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính cho người dân và doanh nghiệp theo cơ chế một cửa, một cửa liên thông.

- Hướng dẫn kê khai, nộp hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến.
- Theo dõi, đôn đốc việc giải quyết hồ sơ đúng hạn và công khai kết quả.
- Làm việc từ thứ Hai đến thứ Sáu và sáng thứ Bảy.`,
    functionsEn: `Receives applications and returns the results of administrative procedures for residents and businesses through a single window.

- Helps applicants fill in and file their applications in person, by post or online.
- Follows each application until it is settled on time and publishes the results.
- Open Monday to Friday and on Saturday mornings.`,
  },
  {
    name: 'Các thôn',
    kind: 'Thôn, tổ dân phố',
    parent: 'Lãnh đạo UBND xã',
    order: 6,
    nameEn: 'Hamlets',
    functions: `Thôn là tổ chức tự quản của cộng đồng dân cư. Trưởng thôn do nhân dân bầu, được Chủ tịch UBND xã công nhận, làm cầu nối giữa Ủy ban và người dân.`,
    functionsEn: `A hamlet is a self-governing community of residents. Its head, elected by the residents and recognised by the Chairman of the Commune People’s Committee, links the Committee and the people.`,
  },
  {
    name: 'Thôn Trung Hòa',
    kind: 'Thôn, tổ dân phố',
    parent: 'Các thôn',
    order: 1,
    address: 'Nhà văn hóa thôn Trung Hòa',
    phone: '0912 456 781',
    nameEn: 'Trung Hoa Hamlet',
    functions: `Thôn trung tâm của xã, nơi đặt trụ sở Ủy ban nhân dân xã và đình làng Trung Hòa. Có 1.120 hộ dân.`,
    functionsEn: `The central hamlet, where the Commune People’s Committee and the Trung Hoa communal house stand. 1,120 households.`,
  },
  {
    name: 'Thôn Tân Phong',
    kind: 'Thôn, tổ dân phố',
    parent: 'Các thôn',
    order: 2,
    address: 'Nhà văn hóa thôn Tân Phong',
    phone: '0912 456 782',
    nameEn: 'Tan Phong Hamlet',
    functions: `Thôn ven biển, có nghề đánh bắt hải sản và làm nước mắm truyền thống. Có 860 hộ dân.`,
    functionsEn: `A coastal hamlet of fishing and traditional fish sauce making. 860 households.`,
  },
  {
    name: 'Thôn Hòa Thịnh',
    kind: 'Thôn, tổ dân phố',
    parent: 'Các thôn',
    order: 3,
    address: 'Nhà văn hóa thôn Hòa Thịnh',
    phone: '0912 456 783',
    nameEn: 'Hoa Thinh Hamlet',
    functions: `Thôn thuần nông, có vùng trồng bưởi và cánh đồng lúa mẫu lớn. Có 740 hộ dân.`,
    functionsEn: `A farming hamlet with pomelo gardens and a large rice field. 740 households.`,
  },
  {
    // No English yet: the English pages show "Not yet translated." here.
    name: 'Thôn Bắc Lập',
    kind: 'Thôn, tổ dân phố',
    parent: 'Các thôn',
    order: 4,
    address: 'Nhà văn hóa thôn Bắc Lập',
    phone: '0912 456 784',
    functions: `Thôn mới thành lập năm 2025 từ hai xóm Bắc và Lập Thành, có cụm công nghiệp nhỏ ven tỉnh lộ. Có 520 hộ dân.`,
  },
];

export const OFFICIALS: DemoOfficial[] = [
  {
    name: 'Phạm Minh Đức',
    position: 'Chủ tịch UBND xã',
    positionEn: 'Chairman of the Commune People’s Committee',
    unit: 'Lãnh đạo UBND xã',
    phone: '0239 3860 101',
    email: 'pmduc.tanhoa@lamgiang.gov.vn',
    bio: 'Sinh năm 1976, quê thôn Trung Hòa. Kỹ sư nông nghiệp, thạc sĩ quản lý công. Nguyên Chủ tịch UBND xã Tân Phong (cũ); Chủ tịch UBND xã Tân Hòa từ tháng 7/2025.',
    bioEn: 'Born in 1976 in Trung Hoa Hamlet. Agricultural engineer with a master’s degree in public management. Formerly Chairman of the former Tan Phong Commune; Chairman of Tan Hoa Commune since July 2025.',
    order: 1,
  },
  {
    name: 'Hoàng Văn Nam',
    position: 'Phó Chủ tịch UBND xã (phụ trách kinh tế, hạ tầng)',
    positionEn: 'Vice Chairman of the Commune People’s Committee (economy and infrastructure)',
    unit: 'Lãnh đạo UBND xã',
    phone: '0239 3860 102',
    email: 'hvnam.tanhoa@lamgiang.gov.vn',
    bio: 'Sinh năm 1980. Cử nhân kinh tế. Từng công tác tại Phòng Tài chính – Kế hoạch huyện; Phó Chủ tịch UBND xã từ tháng 7/2025.',
    bioEn: 'Born in 1980. Bachelor of economics. Worked at the district finance and planning office; Vice Chairman since July 2025.',
    order: 2,
  },
  {
    name: 'Đỗ Thị Lan',
    position: 'Phó Chủ tịch UBND xã (phụ trách văn hóa – xã hội)',
    positionEn: 'Vice Chairwoman of the Commune People’s Committee (culture and social affairs)',
    unit: 'Lãnh đạo UBND xã',
    phone: '0239 3860 103',
    email: 'dtlan.tanhoa@lamgiang.gov.vn',
    bio: 'Sinh năm 1984. Cử nhân công tác xã hội. Nguyên Chủ tịch Hội Liên hiệp Phụ nữ xã Hòa Thịnh (cũ); Phó Chủ tịch UBND xã từ tháng 7/2025.',
    bioEn: 'Born in 1984. Bachelor of social work. Formerly chair of the Women’s Union of the former Hoa Thinh Commune; Vice Chairwoman since July 2025.',
    order: 3,
  },
  {
    name: 'Nguyễn Thị Hương',
    position: 'Chánh Văn phòng HĐND và UBND',
    positionEn: 'Chief of the Office of the People’s Council and People’s Committee',
    unit: 'Văn phòng HĐND và UBND',
    phone: '0239 3860 110',
    email: 'nthuong.tanhoa@lamgiang.gov.vn',
    bio: 'Sinh năm 1987. Cử nhân luật. Người phát ngôn và đầu mối tiếp nhận yêu cầu cung cấp thông tin của UBND xã.',
    bioEn: 'Born in 1987. Bachelor of law. Spokesperson of the Committee and its focal point for requests for information.',
    focalPoint: true,
    order: 1,
  },
  {
    name: 'Trần Quốc Bảo',
    position: 'Công chức Văn phòng – Thống kê (văn thư, lưu trữ)',
    positionEn: 'Office and statistics officer (records and archives)',
    unit: 'Văn phòng HĐND và UBND',
    phone: '0239 3860 111',
    email: 'tqbao.tanhoa@lamgiang.gov.vn',
    order: 2,
  },
  {
    name: 'Lê Văn Thắng',
    position: 'Trưởng phòng Kinh tế',
    positionEn: 'Head of the Economic Office',
    unit: 'Phòng Kinh tế',
    phone: '0239 3860 120',
    email: 'lvthang.tanhoa@lamgiang.gov.vn',
    bio: 'Sinh năm 1982. Kỹ sư thủy lợi. Phụ trách quy hoạch, đất đai và xây dựng nông thôn mới của xã.',
    bioEn: 'Born in 1982. Irrigation engineer. In charge of planning, land and the new rural development programme.',
    order: 1,
  },
  {
    name: 'Vũ Thị Hạnh',
    position: 'Công chức Địa chính – Xây dựng',
    positionEn: 'Land administration and construction officer',
    unit: 'Phòng Kinh tế',
    phone: '0239 3860 121',
    email: 'vthanh.tanhoa@lamgiang.gov.vn',
    order: 2,
  },
  {
    name: 'Cao Minh Tuấn',
    position: 'Chuyên viên Phòng Kinh tế (đang tiếp nhận)',
    unit: 'Phòng Kinh tế',
    phone: '0239 3860 129',
    email: 'cmtuan.tanhoa@lamgiang.gov.vn',
    order: 3,
    draft: true,
  },
  {
    name: 'Bùi Thanh Tâm',
    position: 'Trưởng phòng Văn hóa – Xã hội',
    positionEn: 'Head of the Culture and Social Affairs Office',
    unit: 'Phòng Văn hóa – Xã hội',
    phone: '0239 3860 130',
    email: 'bttam.tanhoa@lamgiang.gov.vn',
    bio: 'Sinh năm 1985. Cử nhân văn hóa học. Phụ trách hồ sơ di sản lễ hội đình làng Trung Hòa.',
    bioEn: 'Born in 1985. Bachelor of cultural studies. Prepared the heritage file of the Trung Hoa communal house festival.',
    order: 1,
  },
  {
    // No English position yet: the English pages show "Not yet translated." for it.
    name: 'Ngô Thị Thu',
    position: 'Công chức Lao động – Thương binh và Xã hội',
    unit: 'Phòng Văn hóa – Xã hội',
    phone: '0239 3860 131',
    email: 'ntthu.tanhoa@lamgiang.gov.vn',
    order: 2,
  },
  {
    name: 'Đặng Văn Hùng',
    position: 'Phó Giám đốc Trung tâm Phục vụ hành chính công',
    positionEn: 'Deputy Director of the Public Administrative Service Centre',
    unit: 'Trung tâm Phục vụ hành chính công',
    phone: '0239 3860 140',
    email: 'dvhung.tanhoa@lamgiang.gov.vn',
    order: 1,
  },
  {
    name: 'Phan Thị Ngọc',
    position: 'Công chức tiếp nhận và trả kết quả',
    positionEn: 'Reception and results officer',
    unit: 'Trung tâm Phục vụ hành chính công',
    phone: '0239 3860 141',
    email: 'ptngoc.tanhoa@lamgiang.gov.vn',
    order: 2,
  },
  { name: 'Lương Văn Sơn', position: 'Trưởng thôn Trung Hòa', positionEn: 'Head of Trung Hoa Hamlet', unit: 'Thôn Trung Hòa', phone: '0912 456 781', order: 1 },
  { name: 'Mai Thị Hoa', position: 'Trưởng thôn Tân Phong', positionEn: 'Head of Tan Phong Hamlet', unit: 'Thôn Tân Phong', phone: '0912 456 782', order: 1 },
  { name: 'Trịnh Văn Lộc', position: 'Trưởng thôn Hòa Thịnh', positionEn: 'Head of Hoa Thinh Hamlet', unit: 'Thôn Hòa Thịnh', phone: '0912 456 783', order: 1 },
  { name: 'Đinh Văn Phúc', position: 'Trưởng thôn Bắc Lập', unit: 'Thôn Bắc Lập', phone: '0912 456 784', order: 1 },
];
