// Public security, fire and rescue, emergency management: the resident seats of the joint-duty centre.
import { matters } from './define';

export const POLICE = matters(
  'police',
  `
police-missing | 人员走失 | civil | 走失 走散 失踪 找不到家 迷路 走丢 失联 寻人 寻找老人 寻找孩子 | 老人 儿童 孩子 | p3 event
police-fight | 打架斗殴 | | 打架 斗殴 打人 殴打 群殴 持刀 砍人 伤人 行凶 动手打 | | p2 event
police-theft | 盗窃 | | 盗窃 被盗 偷盗 小偷 扒窃 扒手 入室盗窃 偷车 被偷 失窃 偷电瓶 | | p2
police-fraud | 诈骗 | | 诈骗 电信诈骗 网络诈骗 诈骗电话 骗子 骗钱 冒充公检法 刷单 | 被骗 | p2
police-drunk | 醉酒滋事 | | 醉酒闹事 醉酒 滋事 寻衅滋事 酒后闹事 闹事 耍酒疯 | | p2 event
police-gathering | 人员聚集 | urban | 人员聚集 聚众 围堵 堵门 冲突 纠纷升级 | | p2 event
police-crowd | 人流拥挤 | urban,transport | 人流 拥挤 限流 踩踏 人潮 | 游客 | p2 event
police-accident | 交通事故 | transport,health | 交通事故 车辆相撞 追尾 撞车 撞人 肇事 肇事逃逸 翻车 车祸 剐蹭 | | p2 event
police-drunk-driving | 酒驾醉驾 | | 酒驾 醉驾 酒后驾驶 无证驾驶 飙车 炸街 改装车 | | p2
police-parking | 违法停车 | transport | 违停 违章停车 乱停车 乱停乱放 违停堵路 占道停车 堵路 停车堵门 僵尸车 | 停车 车辆
police-traffic-order | 交通秩序 | transport | 闯红灯 交通秩序 交通违法 逆行 超速 鸣笛 交警 电子眼 违章抓拍 | 交通
police-licence | 车驾管 | transport | 驾驶证 行驶证 车管所 车辆年检 机动车登记 上牌 车牌 | 驾照
police-gambling | 黄赌毒 | | 赌博 聚赌 赌场 吸毒 贩毒 卖淫 嫖娼 涉黄 色情 | | p2
police-hukou | 户籍 | | 户口 户籍 落户 迁户口 身份证 居住证 户口本 上户 | 户口所在地
police-dog | 犬只管理 | urban | 养犬 遛狗 狗咬人 被狗咬 烈性犬 恶犬 犬只 狗证 | 小狗
police-fireworks | 烟花爆竹燃放 | emergency | 燃放烟花 燃放鞭炮 烟花爆竹 放鞭炮 禁放 | | event
police-order | 治安 | | 治安 治安隐患 治安混乱 报警 派出所 民警 公安 警察 110 | 安全感
police-fundraising | 非法集资 | market | 非法集资 集资 P2P 爆雷 理财骗局 高息 放贷 高利贷 套路贷 暴力催收 | 理财 | p2
police-threat | 人身威胁 | | 威胁 恐吓 报复 跟踪 骚扰 家暴 家庭暴力 | | p2
police-trafficking | 拐卖拐骗 | civil | 拐卖 拐骗 人贩子 抢孩子 抢小孩 | | p3 event
police-weapons | 枪支管制刀具 | | 枪支 管制刀具 仿真枪 弹药 | | p2
police-cult | 邪教与非法宗教活动 | civil | 邪教 非法宗教活动 非法传教 | | p2
police-drone | 无人机黑飞 | | 黑飞 无人机黑飞 违规飞行 | |
police-exit-entry | 出入境证件 | | 护照 港澳通行证 出入境 签注 | |
police-ebike-registration | 电动自行车登记 | transport | 电动自行车登记 电动车上牌 电瓶车上牌 头盔 | |
police-suicide | 轻生 | health,fire | 轻生 跳楼 自杀 跳河 割腕 | | p3 event
`,
);

export const FIRE = matters(
  'fire',
  `
fire-fire | 火灾 | emergency | 火灾 起火 着火 失火 火情 冒烟 浓烟 明火 烧起来 火苗 烟雾报警 | | p3 event
fire-ebike | 电动车违规充电 | | 电动车充电 电瓶车充电 飞线充电 楼道充电 电动车进楼 电动车入户 充电起火 | 电动车 电瓶车 | p3 fam=highrise-fire
fire-lane | 消防通道 | urban | 消防通道 生命通道 消防车道 安全出口 疏散通道 逃生通道 | | p2
fire-equipment | 消防设施 | | 消防栓 灭火器 消防设施 烟感 喷淋 消防水带 消防器材 应急照明 消防水池 | | p2 fam=highrise-fire
fire-hazard | 消防隐患 | | 消防隐患 火灾隐患 易燃物 易燃易爆 楼道杂物 堆放杂物 私拉电线 违规用火 | | p2
fire-trapped | 被困救援 | emergency | 电梯困人 被困电梯 困在电梯 被锁 反锁 破拆 坠井 卡住 | | p3 event
fire-drowning | 落水溺水 | water | 落水 溺水 溺亡 掉进河 掉进水 | | p3 event
fire-highrise | 高层建筑消防 | housing | 高层建筑消防 高层火灾 高层消防 超高层 | 高层 | p2 fam=highrise-fire
fire-kitchen | 厨房火灾 | | 油锅起火 厨房起火 煤气罐起火 | | p3 event
fire-animal | 动物救助 | | 马蜂窝 蜂窝 毒蛇 蛇入室 | | p2
`,
);

export const EMERGENCY = matters(
  'emergency',
  `
emergency-hazchem | 危险化学品 | fire,ecology | 危化品 危险化学品 化学品 有毒气体 泄漏异味 刺鼻气味 毒气 液氨 氯气 | | p3 event fam=hazchem
emergency-dust | 粉尘涉爆与有限空间 | fire | 粉尘爆炸 有限空间 中毒窒息 窒息 爆炸 爆燃 | | p3 event
emergency-forest | 森林火灾 | fire,planning | 山火 森林火灾 森林防火 野外用火 烧荒 烧山 上坟烧纸 | | p3 event
emergency-rescue | 应急救援 | fire | 应急 被困 救援 抢险 求救 | | p2
emergency-disaster | 自然灾害 | civil | 自然灾害 灾情 受灾 灾民 救灾 冰雹 大风 暴雨 雷击 地震 | | p2
emergency-production | 安全生产 | housing | 安全生产 生产安全 安全事故 事故隐患 非法生产 黑作坊 小作坊 违规作业 安全检查 | 企业 工厂
emergency-fireworks | 烟花爆竹经营 | police | 烟花爆竹经营 非法储存烟花 私藏烟花 | | p2
emergency-shelter | 应急避难场所 | civil | 应急避难场所 避难场所 避难所 应急物资 | |
emergency-drill | 应急预案与演练 | | 应急演练 应急预案 疏散演练 | |
emergency-mine | 矿山安全 | planning | 煤矿 矿难 尾矿库 矿井 透水 瓦斯 | | p3
emergency-industrial | 工贸企业事故 | fire | 工厂爆炸 车间起火 工业事故 企业事故 冷库 | | p2 event
emergency-gas-station | 加油站与储罐 | fire | 加油站 储罐 油罐车 槽罐车 | | fam=hazchem
`,
);
