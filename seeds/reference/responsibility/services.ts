// Public services: education (教委), health (卫生健康委), culture and tourism (文化旅游委, outside the roster;
// it answers for sport in the district as well).
import { matters } from './define';

export const EDUCATION = matters(
  'education',
  `
education-school-gate | 校园周边安全 | police,transport | 校门口 放学 上学 接送孩子 学生安全 护学岗 上下学 | 学校 学生 | p2
education-enrol | 入学招生 | | 入学 招生 学位 划片 就近入学 择校 升学 小升初 初升高 录取 入学报名 招生政策 片区 | 读书 上学难
education-records | 学籍转学 | | 转学 学籍 插班 借读 休学 复学 学籍管理 | 读书
education-exam | 考试 | | 考试 中考 高考 考场 作弊 考生 会考 学业水平考试 成绩 分数线 | 考试成绩
education-fees | 教育收费 | market | 学费 补课费 择校费 资料费 教辅资料 代收费 收费项目 学校收费 借读费 校服费 乱收费 收费标准 校服 赞助费 捐资助学 | 收费 学校 中学 小学 学生 家长
education-teachers | 教师队伍 | hrss | 教师 老师 代课教师 民办教师 教师工资 教师待遇 特岗教师 乡村教师 师资 教师编制 班主任 代课 教师招聘 招聘教师 教师福利 教师职称 教龄 教师资格证 进岗 | 学校 中学 小学
education-kindergarten | 幼儿园 | | 幼儿园 学前教育 托儿所 公办园 普惠园 入园 幼师 托育 | 孩子
education-training | 校外培训 | market | 培训机构 校外培训 补习班 辅导班 有偿补课 课外辅导 补课 | 培训
education-teaching | 教学管理 |  | 教学 课程 作业 学生负担 课业负担 教学管理 课时 周末补课 教材 课本 自习 上课 军训 研学 春游 秋游 | 学校 学生
education-campus-safety | 校园安全 | police | 校园安全 校园欺凌 霸凌 学生打架 体罚 学生受伤 | 学生 | p2
education-canteen | 学校食堂 | market | 学校食堂 学生餐 营养餐 学生伙食 食堂 | 学生
education-private | 民办学校 | | 民办学校 私立学校 民办教育 办学资质 | 办学
education-university | 高等教育与学历 | | 大学 高校 毕业证 学历 学位证 大学生 研究生 本科 专科 学院 | 毕业
education-vocational | 职业教育 | hrss | 职校 中职 职业学校 技工学校 职业教育 实习 顶岗实习 | 实习
education-aid | 教育资助 | civil | 教育资助 助学金 贫困生 奖学金 助学贷款 教育救助 | 资助
education-dropout | 失学辍学 | civil | 辍学 失学 控辍保学 | |
education-facilities | 校舍与办学条件 | housing | 校舍 学校建设 教室 操场 新建学校 学校扩建 大班额 中心小学 乡镇学校 村小 撤并 改址 迁校 合并学校 学校搬迁 | 学校
education-bureau | 教育行政 | | 教育局 教委 教育部门 教育资源 教育公平 义务教育 教育经费 | 教育
education-special | 特殊教育 | civil | 特殊教育 特教学校 随班就读 送教上门 | |
education-school-bus | 学生交通 | transport | 学生坐车 学生乘车 | |
`,
);

export const HEALTH = matters(
  'health',
  `
health-hospital | 医疗服务 | | 医院 就医 看病 挂号 医生 护士 医疗服务 门诊 住院 急诊 医务人员 服务态度 手术 | 病人 患者
health-dispute | 医疗纠纷 | | 医疗事故 医疗纠纷 医患 误诊 医闹 医疗过错 医疗损害 | | p2
health-illegal | 非法行医 | market | 非法行医 黑诊所 无证行医 游医 假医生 | |
health-epidemic | 传染病防控 |  | 传染病 疫情 疫苗 接种 防疫 预防接种 发热 核酸 隔离 狂犬疫苗 艾滋病 肝炎 结核 乙肝 传染 |  | p2
health-family-planning | 人口与计划生育 |  | 计划生育 计生 二胎 二孩 三孩 生育 独生子女 失独 超生 社会抚养费 准生证 生育登记 生育政策 计生奖励 计生办 计生干部 上环 结扎 | 生孩子
health-clinic | 基层医疗 | | 卫生院 诊所 村医 乡村医生 社区卫生服务中心 村卫生室 卫生室 家庭医生 | |
health-public | 公共卫生 |  | 公共卫生 卫生监督 卫生许可 健康证 卫生执法 职业卫生 体检 健康体检 体检中心 | 卫生
health-ambulance | 急救 | | 急救 120 救护车 抢救 心脏骤停 晕倒 昏迷 | | p3 event
health-fees | 医疗收费 | medical-insurance | 医疗收费 医院收费 乱收费医院 检查费 药费 过度医疗 大处方 乱收费 收费标准 | 医院 卫生院 患者 病人
health-pests | 病媒防制 | urban | 老鼠 蟑螂 蚊虫 蚊子 苍蝇滋生 病媒 灭鼠 | |
health-smoking | 控烟 | | 控烟 吸烟 抽烟 二手烟 禁烟 | |
health-elderly | 医养与老年健康 | civil | 医养结合 老年病 护理院 | |
health-mental | 精神卫生 | police,civil | 精神病人 精神病 肇事肇祸 精神障碍 | | p2
health-maternal | 妇幼健康 | | 孕产妇 产检 妇幼 出生证明 出生医学证明 母婴 | |
health-cosmetic | 医疗美容 | market | 医疗美容 医美 整形 美容院 | |
health-tcm | 中医药 | | 中医 中医药 中医院 针灸 | |
health-nursing | 护理陪护 | | 护工 陪护 护理费 | |
health-blood | 血液与献血 | | 献血 用血 血站 | |
`,
);

export const CULTURE = matters(
  'culture-tourism',
  `
culture-scenic | 景区管理 | police | 景区 景点 门票 旅游 游客 景区管理 A级景区 旅游景区 游玩 | 古镇
culture-tour-market | 旅游市场 | market | 导游 旅行社 强制购物 黑导游 零团费 低价团 旅游投诉 旅游团 | |
culture-heritage | 文物保护 | planning | 文物 文物保护 古迹 古建筑 非遗 非物质文化遗产 文保单位 遗址 古墓 碑刻 | |
culture-public | 公共文化 |  | 图书馆 文化馆 博物馆 农家书屋 文化站 文艺演出 文化活动 公共文化 文化广场 文化中心 民俗 风俗 传统文化 民族文化 文化产业 文化建设 文化事业 文化 纪念馆 展览馆 美术馆 科技馆 公共文化服务 村史馆 文化礼堂
culture-entertainment | 文化娱乐市场 | police | 网吧 KTV 歌舞厅 娱乐场所 游戏厅 酒吧 演出 营业性演出 电子游戏 文化执法 文化市场综合执法 文化市场 电竞 剧本杀 密室逃脱
culture-sports | 体育 | | 体育 健身 运动场 球场 篮球场 足球场 体育设施 体育赛事 马拉松 体育场 游泳池 全民健身 运动员 | 体育馆
culture-media | 广播电视与出版 |  | 广播电视 有线电视 广播 电视台 出版 盗版 图书 非法出版物 传媒 新闻 记者 媒体
culture-hotel | 住宿业 | market,police | 民宿 宾馆 酒店 旅馆 | |
culture-rural-tourism | 乡村旅游 | | 乡村旅游 农家乐 全域旅游 红色旅游 旅游开发 旅游资源 旅游宣传 旅游产业 | |
culture-festival | 节庆活动 | police | 灯会 庙会 节庆 音乐节 | |
`,
);
