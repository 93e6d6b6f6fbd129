// Social affairs: civil affairs (民政) on the roster; human resources and social security, medical
// insurance, veterans affairs and petitions, which sit outside the joint-duty roster.
import { matters } from './define';

export const CIVIL = matters(
  'civil',
  `
civil-subsistence | 低保与社会救助 | | 低保 最低生活保障 特困 困难群众 临时救助 救助 五保 低保户 困难家庭 贫困户 兜底 | 困难
civil-homeless | 流浪乞讨救助 | police | 流浪 流浪人员 乞讨 露宿 流浪汉 救助站 | | p2
civil-elderly | 养老服务 |  | 养老院 敬老院 养老机构 孤寡老人 空巢老人 高龄补贴 高龄津贴 养老服务 居家养老 老年食堂 日间照料 老年证 老年卡 敬老卡 | 老年人 老人
civil-funeral | 殡葬管理 |  | 殡葬 墓地 公墓 骨灰 丧葬 火化 殡仪馆 乱埋乱葬 丧事 灵堂 土葬 火葬 殡葬改革
civil-disability | 残疾人服务 | | 残疾人 残疾证 残疾补贴 残疾 残联 盲人 聋哑 | |
civil-marriage | 婚姻登记 | | 婚姻登记 结婚登记 离婚登记 结婚证 离婚证 | |
civil-children | 儿童福利 | | 留守儿童 孤儿 事实无人抚养 困境儿童 弃婴 | 儿童
civil-community | 村居自治 | | 居委会 村委会 村务公开 村干部 社区工作人员 选举 村民委员会 村集体 换届 | 社区 村民
civil-social-org | 社会组织 | | 社会组织 社团 协会 民办非企业 | |
civil-place-names | 地名门牌 | | 地名 门牌 门牌号 路名 | |
civil-charity | 慈善捐赠 | | 慈善 捐款 募捐 捐赠 | |
civil-minors | 未成年人保护 | police | 未成年人保护 未成年人 监护 | |
civil-religion | 民族宗教事务 | | 宗教 寺庙 教堂 宗教场所 少数民族 民族 | |
civil-division | 区划调整 | | 行政区划 撤并村 合村并组 合并村 撤乡并镇 | |
civil-volunteer | 志愿服务 | | 志愿者 志愿服务 | |
civil-mediation | 邻里纠纷调解 | police | 邻里纠纷 邻居纠纷 家庭纠纷 调解 | 邻居
`,
);

export const HRSS = matters(
  'hrss',
  `
hrss-wages | 拖欠工资 | housing | 拖欠工资 欠薪 工资拖欠 讨薪 农民工工资 克扣工资 工资 不发工资 拖欠 欠发 工资发放 工资保证金 | 农民工 | p2
hrss-contract | 劳动合同 |  | 劳动合同 劳动纠纷 劳动仲裁 劳动争议 解除劳动合同 辞退 开除 裁员 经济补偿 用人单位 试用期 离职 辞职 非法用工 用工 童工 黑工 劳动关系 劳动法 | 单位 员工
hrss-insurance | 社会保险 | medical-insurance | 社保 社会保险 养老保险 失业保险 工伤保险 社保缴费 断缴 补缴 参保 社保卡 缴纳社保 五险一金 | 缴费
hrss-pension | 退休待遇 | | 退休 退休金 养老金 退休待遇 提前退休 病退 退休年龄 退休工资 退休人员 内退 | 退休职工
hrss-injury | 工伤认定 | | 工伤 工伤认定 职业病 工亡 伤残鉴定 劳动能力鉴定 | | p2
hrss-employment | 就业招聘 | | 就业 再就业 招聘 公开招聘 事业单位招聘 编制 考编 人才引进 就业创业 失业 招工 求职 | 工作
hrss-training | 职业技能 |  | 职业培训 技能鉴定 职业资格 技能培训 职业技能 资格证 就业培训 | 证书
hrss-hours | 工时休假 |  | 加班 加班费 休假 年假 带薪休假 工作时间 调休 双休 陪产假 育儿假 婚假
hrss-min-wage | 最低工资 | | 最低工资 工资标准 最低工资标准 工资调整 | |
hrss-dispatch | 劳务派遣 | | 劳务派遣 派遣工 劳务公司 同工同酬 临时工 合同工 | |
hrss-civil-service | 人事与职称 |  | 公务员 事业单位 职称评定 职称评审 人事 人社局 人社部门 人力资源 职称 | 职称
hrss-pay | 待遇福利 | | 绩效工资 津贴 福利待遇 年终奖 工资待遇 薪酬 待遇 | 补贴
hrss-women | 女职工权益 | | 女职工 产假 孕期 哺乳期 生育津贴 | |
hrss-protection | 劳动保护 | emergency | 劳动保护 高温补贴 劳动安全 劳动条件 劳动环境 防护用品 安全防护 防护措施 职业健康
hrss-talent | 人才政策 | | 人才补贴 人才政策 高层次人才 人才 | |
hrss-entrepreneurship | 创业扶持 | | 返乡创业 创业补贴 创业担保贷款 创业 | 农民工
hrss-graduates | 高校毕业生就业 | education | 高校毕业生 大学生就业 就业见习 见习 毕业生 | 大学生
hrss-arbitration | 劳动监察 | | 劳动监察 劳动保障监察 劳动局 劳动部门 | |
`,
);

export const MEDICAL_INSURANCE = matters(
  'medical-insurance',
  `
mi-insurance | 医疗保险参保 | hrss | 医保 医疗保险 城乡居民医保 居民医保 新农合 农合 医保卡 合作医疗 职工医保 医保缴费 | |
mi-reimbursement | 医保报销 | health | 报销 医保报销 异地就医 住院报销 大病保险 门诊报销 报销比例 特殊病 慢性病 | |
mi-fund | 医保基金监管 | health,police | 医保基金 套取医保 骗保 套保 挂床住院 虚假住院 | | p2
mi-designated | 医保定点 | health | 定点医院 定点药店 医保定点 定点医疗机构 | |
mi-care | 长期护理保险 | | 长期护理保险 长护险 | |
mi-aid | 医疗救助 | civil | 医疗救助 大病救助 | |
mi-maternity | 生育保险 | hrss | 生育保险
mi-drugs | 药品招采 | market | 药品集采 集中采购 药品价格 医保目录 | |
`,
);

export const VETERANS = matters(
  'veterans',
  `
veterans-resettlement | 退役安置 | hrss | 退役军人 退伍军人 复员 转业 退役士兵 复退军人 退伍 转业干部 | 部队
veterans-service | 退役军人服务 | | 退役军人服务站 光荣牌 退役军人事务局 | |
veterans-employment | 退役军人就业 | hrss | 退役军人就业 退役士兵安置 自主择业 | |
veterans-care | 优抚 | civil | 优抚 伤残军人 烈士 军属 参战 参试 优抚对象 带病回乡 军烈属 | 军人
`,
);

export const PETITIONS = matters(
  'petitions',
  `
petitions-visits | 信访接待 | | 来访 接访 领导接访 信访接待 | |
petitions-review | 信访复查复核 | | 信访督办 信访复查 复核 信访积案 | |
petitions-letters | 信访事项办理 | | 信访 上访 信访件 信访事项 信访局 信访办 越级上访 信访答复 | 反映多次 多次反映
`,
);
