// Housing and construction (住房城乡建设) and planning and natural resources (规划自然资源).
import { matters } from './define';

export const HOUSING = matters(
  'housing',
  `
housing-site | 建筑工地 | urban | 工地 施工 塔吊 脚手架 基坑 建筑工地 施工现场 施工单位 工地围挡 | 项目 | p2 fam=construction
housing-night-work | 夜间施工 | urban,ecology | 夜间施工 施工噪音 施工扰民 连夜施工 半夜施工 通宵施工 打桩 | 噪音 | p2
housing-site-safety | 施工安全 | emergency | 施工安全 高空坠落 施工事故 模板坍塌 支模架 塔吊倾覆 | | p3 fam=construction
housing-dangerous | 危房 | civil | 危房 房屋开裂 墙体开裂 裂缝 房屋倾斜 墙体倾斜 楼房开裂 地基下沉 房屋沉降 | | p2 fam=old-housing
housing-facade | 外墙脱落 | urban | 外墙脱落 瓷砖脱落 外墙瓷砖 墙皮脱落 高空坠物 外立面 | | p2 event fam=old-housing
housing-old-estate | 老旧小区改造 | | 老旧小区 旧改 老旧小区改造 加装电梯 改造工程 提质改造 | 改造
housing-property | 物业服务 |  | 物业 物业公司 物业费 物业服务 物业管理 业委会 业主委员会 维修基金 维修资金 前期物业 乱收费 收费标准 | 小区 业主
housing-elevator-install | 加装电梯 | | 加装电梯 增设电梯 | 电梯
housing-public-rental | 保障性住房 |  | 公租房 廉租房 保障房 经适房 经济适用房 保障性住房 人才公寓 住房保障 住房困难 租赁补贴 住房补贴 购房补贴 | 住房
housing-developer | 房地产开发 | market | 开发商 楼盘 商品房 烂尾楼 延期交房 交房 购房 买房 房企 售楼 五证 预售 网签 精装修 限购 房价 二手房 | 房子 房屋
housing-deed | 房产证办理 | planning | 房产证 办证难 办不了证 产权证 不动产证 房屋产权 | 办证
housing-rental | 房屋租赁 | | 租房 房东 租客 群租房 群租 房屋租赁 租金 中介 房屋中介 | 出租
housing-demolition | 房屋征收拆迁 | planning | 拆迁 征收 安置 补偿款 拆迁补偿 安置房 回迁房 还建房 棚改 棚户区 城中村改造 征拆 强拆 过渡费 棚户区改造 棚户 危旧房改造 搬迁 搬迁户 | 补偿
housing-quality | 房屋质量 |  | 房屋质量 屋顶漏水 房屋漏水 墙面渗水 渗水 楼上漏水 质量问题房 开裂渗漏 防水 质量问题 工程质量 | 漏水 楼盘 开发商 业主
housing-contractor | 拖欠工程款 | hrss | 拖欠工程款 工程款 工程欠款 包工头 承包商 总包 分包 | 工程
housing-bidding | 工程招投标 | | 招投标 招标 投标 围标 串标 中标 资质 建筑资质 | 工程
housing-decoration | 装修管理 | | 装修 装修噪音 装修扰民 装修公司 擅改承重 拆承重墙 | | fam=old-housing
housing-fund | 住房公积金 | | 公积金 住房公积金 公积金贷款 提取公积金 公积金中心 缴存 | 贷款
housing-rural | 农村住房 | planning | 农村危房改造 农房 农村建房 自建房 农村住房 建房审批 | | fam=old-housing
housing-estate-facilities | 小区设施 | | 小区设施 小区道路 小区绿化 小区门禁 地下车库 车库 化粪池清掏 | 小区
housing-fire-acceptance | 消防设计审查验收 | fire | 消防验收 消防设计审查 消防备案 | |
housing-estate-parking | 小区车位 | | 车位出售 车位租赁 地下车位 车位产权 人防车位 小区停车 | 车位
housing-estate-handover | 物业交接与弃管 | civil | 物业交接 物业退出 弃管小区 无物业 物业撤场 | 物业
housing-presale-fund | 预售资金监管 | | 预售资金 监管资金 资金监管账户 | 开发商
housing-agency | 房地产经纪 | market | 房地产经纪 二手房交易 房产中介 | |
housing-seismic | 房屋安全鉴定 | | 房屋安全鉴定 安全鉴定 抗震 抗震加固 | 鉴定
housing-new-town | 城镇建设 | planning | 城镇建设 新农村建设 美丽乡村 小城镇建设 市政工程 城市建设 基础设施建设 | 建设
`,
);

export const PLANNING = matters(
  'planning',
  `
planning-geo | 地质灾害 | emergency | 滑坡 塌方 危岩 落石 崩塌 地面塌陷 地裂缝 边坡 山体 泥石流 垮塌 塌陷 山体滑坡 | | p3 event fam=geohazard
planning-plan | 城乡规划 | | 规划 规划方案 控规 规划调整 容积率 规划许可 规划局 规划设计 总体规划 | 方案
planning-sunlight | 采光间距 | housing | 采光 日照 间距 遮挡 挡光 容积挡光 楼间距 | 阳光
planning-land | 土地管理 | | 土地 宅基地 土地证 耕地 占用耕地 土地流转 征地 集体土地 土地出让 用地 | 地块
planning-registry | 不动产登记 | housing | 不动产登记 不动产权证 确权 登记中心 产权登记 过户 | 登记
planning-mining | 矿产资源 | ecology | 采石 采石场 非法采矿 开采 矿山 矿产 盗采 | | event
planning-heritage | 历史风貌保护 | culture-tourism | 历史名城 历史文化名城 历史建筑 历史街区 风貌保护 | 老建筑
planning-forest | 林地林木 | | 林地 毁林 乱砍滥伐 林木 林权 退耕还林 | 森林
planning-permit | 建设工程规划许可 | | 规划许可证 建设用地规划 规划验收 规划核实 | |
planning-design | 城市设计与风貌 | | 城市设计 建筑外观 建筑立面 城市风貌 | |
planning-road | 道路规划选址 | transport | 道路规划 路网规划 线位 选址 | |
planning-geo-avoid | 地灾避让搬迁 | housing | 地灾搬迁 避让搬迁 地质灾害隐患点 地质勘查 | | fam=geohazard
planning-survey | 测绘地名 | civil | 测绘 界址 界桩 地界 | |
`,
);
