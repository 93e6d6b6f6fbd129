// The city's lifelines (水电气讯, the utilities centre), water resources and flood control, and transport.
import { matters } from './define';

export const UTILITIES = matters(
  'utilities',
  `
utilities-gas-leak | 燃气泄漏 | fire | 燃气 天然气 煤气 燃气泄漏 燃气异味 燃气味 煤气味 漏气 液化气 燃气管道 燃气爆炸 | | p3 event fam=gas
utilities-gas-service | 燃气供应服务 | | 燃气公司 燃气费 燃气开户 通气 燃气表 燃气改造 燃气安装 开通燃气 燃气初装费 | | fam=gas
utilities-water-outage | 停水 | | 停水 断水 没水 没有水 供水 水压低 水压不足 自来水 来水 供水不足 停水通知 | | p2 fam=lifeline
utilities-water-quality | 自来水水质 | health | 自来水发黄 水质浑浊 二次供水 水箱 自来水水质 饮用水 水有异味 黄泥水 | | fam=lifeline
utilities-pipe-burst | 爆管漏水 | urban | 爆管 水管破裂 水管爆裂 漏水 水管漏水 管道漏水 供水管 跑水 | | p2 event fam=lifeline
utilities-water-fee | 水费水表 | | 水费 水表 阶梯水价 自来水公司 一户一表 抄表 | | fam=lifeline
utilities-power | 停电 | | 停电 断电 跳闸 电压不稳 电压低 供电 电网 供电公司 电力公司 供电局 限电 拉闸 用电 | | p2 fam=lifeline
utilities-power-fee | 电费电表 | | 电费 电表 电价 阶梯电价 国家电网 国网 | | fam=lifeline
utilities-power-facility | 电力设施 | | 电缆 电线 高压线 变压器 变电站 配电箱 电箱 电线杆 架空线 输电线 | | fam=lifeline
utilities-telecom | 通信网络 | | 通信中断 信号塔 信号 信号差 没有信号 手机信号 宽带 光纤 网速 通信基站 基站 断网 网络信号 | | fam=lifeline
utilities-telecom-service | 通信服务 | market | 移动公司 联通 电信公司 话费 套餐 运营商 携号转网 | |
utilities-installation | 水电气报装 | | 报装 开户 接入 接水 接电 通水 通电 | |
utilities-charging | 充电设施 | | 充电桩 充电设施 充电站 | |
utilities-heating | 供暖 | | 供暖 暖气 集中供暖 采暖 | |
utilities-tunnel | 综合管廊 | | 综合管廊 管廊 管线迁改 管线 | | fam=lifeline
`,
);

export const WATER = matters(
  'water',
  `
water-flood | 积水内涝 | urban,emergency | 积水 内涝 淹水 水淹 被淹 漫水 路面积水 下穿道积水 倒灌 泡水 | | p2 event fam=flooding
water-river | 河道防汛 | urban,emergency | 河道 河堤 堤防 水位 溢流 山洪 排洪 涨水 洪水 防汛 河岸 河沟 行洪 | | p2 fam=flooding
water-reservoir | 水库山坪塘 | emergency | 水库 山坪塘 堰塘 山塘 大坝 溃坝 渗漏水库 | | p2 fam=flooding
water-irrigation | 农田水利 | | 灌溉 水渠 沟渠 农田水利 提灌站 水利工程 水利设施 | |
water-river-chief | 河长制与河道管理 | ecology | 河长 河长制 河道清淤 清淤 河道整治 河道采砂 非法采砂 采砂 | |
water-rural-drinking | 农村饮水 | utilities | 农村饮水 人饮工程 饮水安全 饮水工程 吃水难 饮水困难 | | p2
water-drought | 抗旱 | | 干旱 抗旱 缺水 旱情 | |
water-hydropower | 小水电 | ecology | 小水电 水电站 电站截流 | |
water-soil | 水土保持 | planning | 水土流失 水土保持 | |
`,
);

export const TRANSPORT = matters(
  'transport',
  `
transport-bus | 公交 |  | 公交车 公交线路 公交 公交车司机 线路调整 公交专线 公交车站牌 站牌 首末班 发车间隔 公交卡 候车亭 招呼站 | 公交站 站台
transport-signal | 信号灯 | police | 红绿灯 信号灯 交通信号灯 信号灯故障 红绿灯故障 | | fam=traffic
transport-road | 道路破损 | urban | 道路破损 坑洼 路面破损 坑坑洼洼 道路维修 修路 路面 公路 硬化路 通公路 村道 乡道 泥巴路 断头路 | 道路 马路 | fam=traffic
transport-congestion | 交通拥堵 | police | 拥堵 堵车 交通拥堵 塞车 车流量 | 交通
transport-taxi | 出租车网约车 | | 出租车 的士 网约车 拒载 绕路 打表 滴滴 出租汽车 | 司机
transport-bridge | 桥梁隧道 | | 桥梁 隧道 人行天桥 天桥 下穿道 立交 桥面 | | fam=traffic
transport-illegal | 非法营运 | police | 黑车 非法营运 摩的 非法载客 营运证 报废车营运 营运车辆
transport-freight | 货运物流 | police | 货运 物流 超载 超限 货车 大货车 重车 物流园 装载 治超 超限超载 | 运输
transport-express | 邮政快递 | market | 快递 快递员 快递柜 邮政 包裹 邮件 邮递 快递公司 丢件 EMS 邮件投递 投递
transport-passenger | 客运 |  | 客运 长途汽车 汽车站 客运站 班车 客车 大巴 乘客 车票 车队 客运车队 客运线路 城乡客运 农村客运 村村通 | 旅客
transport-metro | 轨道交通 | | 轨道交通 地铁 轻轨 城轨 城铁 轨道站 | 站点
transport-driving-school | 驾驶培训 | | 驾校 驾培 学车 教练 科目二 科目三 | 驾照
transport-toll | 收费公路 |  | 收费站 过路费 高速公路 高速 ETC 通行费 路桥费 规费 | 收费
transport-school-bus | 校车与接送车 | education,police | 校车 接送车 黑校车 | |
transport-rail | 铁路客运 | | 火车站 列车 火车 铁路 高铁 动车 候车室 晚点 火车票 12306 | |
transport-roadworks | 道路施工封闭 | police | 道路施工 封路 改道 绕行 封闭施工 | |
transport-maintenance | 公路养护 | | 道路养护 公路养护 养护 路政 | |
transport-ship | 水上交通 | water | 渡口 渡船 船舶 码头 轮渡 航道 货船 船只 航运 海事
transport-road-safety | 道路安全设施 | police | 减速带 标线 斑马线 交通标志 限高 限速 反光镜 凸面镜 | | fam=traffic
`,
);
