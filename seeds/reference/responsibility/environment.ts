// Ecology and environment (生态环境), market supervision (市场监管) and commerce (商务, outside the roster).
import { matters } from './define';

export const ECOLOGY = matters(
  'ecology',
  `
ecology-sewage | 污水排放 | water | 排污 污水直排 偷排 排口 排污口 工业废水 废水 黑臭 黑臭水体 水体发黑 水污染 河道污染 污水排放 直排 河水污染 水体污染 | 污水 | fam=ecology
ecology-air | 大气污染 | | 废气 空气污染 大气污染 排放废气 烟囱 冒黑烟 黑烟 雾霾 空气质量 刺鼻 | 异味 | fam=ecology
ecology-dust | 扬尘污染 | urban | 扬尘 粉尘污染 灰尘 粉尘 尘土飞扬 | | fam=ecology
ecology-burning | 露天焚烧 | urban | 焚烧 露天焚烧 烧垃圾 秸秆焚烧 焚烧垃圾 烧塑料 | 烧东西 | fam=ecology
ecology-noise | 噪声污染 |  | 噪声污染 噪音污染 工厂噪音 机器噪音 设备噪音 噪声 噪音 轰鸣 风机噪音 娱乐场所噪音 KTV噪音 酒吧噪音 噪音扰民 | 扰民 | fam=ecology
ecology-solid-waste | 固体废物 | urban | 固废 危废 危险废物 工业固废 废渣 医疗废物 固体废物 废机油 |  | fam=ecology,hazchem
ecology-eia | 环境影响评价 | | 环评 环境影响评价 未批先建 环保审批 环保手续 环评报告 未验先用 环保验收 | 环保
ecology-livestock | 养殖污染 | | 养殖污染 养猪场 养殖场 养鸡场 猪粪 粪便污染 禽畜养殖 | 养殖
ecology-radiation | 辐射 | | 辐射 电磁辐射 基站辐射 放射性 电磁污染 | |
ecology-soil | 土壤污染 | | 土壤污染 重金属 污染土壤 | |
ecology-enforcement | 环境执法 | | 环保督察 环境执法 污染企业 环保整治 环保局 环保部门 污染 环境污染 生态破坏 排放超标 环境监测 在线监测 | 环保
ecology-chemical-pollution | 化学品污染 | emergency | 化学污染 化工污染 化工厂 农药污染 | | fam=hazchem,ecology
ecology-water-source | 饮用水水源保护 | water | 饮用水源 水源地 水源保护区 | | fam=ecology
ecology-odour | 恶臭异味 | urban | 恶臭 臭气 异味 臭味扰民 气味难闻 | | fam=ecology
ecology-light | 光污染 | urban | 光污染 强光 玻璃幕墙反光 探照灯 | |
ecology-exhaust | 机动车尾气 | police | 尾气 机动车尾气 冒黑烟车辆 | |
ecology-brick-kiln | 落后产能整治 | | 砖厂 砖窑 小砖厂 淘汰落后产能 关停企业 环保关停 | |
`,
);

export const MARKET = matters(
  'market',
  `
market-food | 食品安全 | health | 食品安全 过期食品 变质 就餐后 腹泻 食物中毒 地沟油 不卫生 无证餐饮 餐饮卫生 苍蝇 异物 吃坏肚子 | 食品 餐馆 | p2
market-price | 价格监督 |  | 价格欺诈 物价 哄抬物价 明码标价 涨价 价格 收费标准 乱收费 价格监管 宰客 高价 物价局 物价部门 价格主管部门 价格举报 12358 违规收费 多收费 重复收费 乱涨价 价格违法 收费不合理 | 收费 费用
market-unlicensed | 无证无照经营 | urban | 无证经营 无照经营 无证照 营业执照 工商登记 注册公司 个体户 执照 | 经营
market-special-equipment | 特种设备 | housing | 特种设备 电梯故障 电梯 锅炉 压力容器 游乐设施 电梯维保 扶梯 起重机械 索道 观光车 |  | p2 fam=public-safety-services
market-drugs | 药品医疗器械 | health | 药店 药品 假药 医疗器械 保健品 化妆品 药房 处方药 | |
market-false-ad | 虚假广告宣传 |  | 虚假广告 虚假宣传 夸大宣传 广告违法 欺骗消费者 诱导消费 会销 免费体验 骗老人 坑老 保健品推销 | 广告
market-consumer | 消费维权 | | 消费者 退款 退货 售后 霸王条款 预付卡 办卡 充值卡 消费纠纷 商家 三包 维权 投诉商家 跑路 退费 | 消费
market-quality | 产品质量 |  | 产品质量 假冒伪劣 假货 以次充好 质量问题 缺斤短两 短斤少两 计量 掺假 劣质 伪劣 | 质量
market-pyramid | 传销 | police | 传销 直销 拉人头 传销窝点 | | p2
market-monopoly | 垄断与不正当竞争 |  | 垄断 不正当竞争 强制交易 指定购买 捆绑销售 排挤 垄断经营 强制消费
market-ip | 商标知识产权 | | 商标 知识产权 专利 侵权 山寨 | |
market-farmers | 农贸市场管理 | urban | 农贸市场 市场管理 摊位费 摊位 菜价 活禽 | 菜市场
market-online | 网络交易 | | 网购 电商 网店 直播带货 网络交易 | |
market-gas-cylinder | 瓶装液化气 | utilities | 瓶装液化气 液化气罐 煤气罐 钢瓶 | | fam=gas
market-utility-charges | 公用事业与服务收费 | utilities | 乱扣费 扣费 强制收费 捆绑收费 收费问题 代收费用 服务费 违规收取 | 收费 | p2
market-meat | 肉品与屠宰 | ecology | 屠宰 私屠滥宰 屠宰场 生猪 注水肉 病死猪 冻肉 猪肉 | 肉类
market-oil | 油品质量 | commerce | 油品质量 成品油质量 加油站油品 劣质油 柴油 汽油 | |
market-tobacco | 烟草与酒类 | | 假烟 烟草 私烟 假酒 散装酒 | |
market-license | 食品经营许可 | | 食品经营许可 食品经营许可证 健康证明 餐饮许可 | |
market-agency | 中介机构 | | 中介机构 黑中介 中介费 | |
`,
);

export const COMMERCE = matters(
  'commerce',
  `
commerce-trade | 商贸流通 | market | 商业网点 商业街 步行街 商圈 外贸 进出口 出口 内贸 商贸 | 商场 超市
commerce-business | 营商环境 | | 营商环境 招商引资 招商 企业发展 民营企业 中小企业 企业经营困难 | 企业
commerce-scrap | 报废汽车与二手车 | | 报废汽车 二手车 汽车回收 | |
commerce-wholesale | 批发市场建设 | market | 批发市场 专业市场 市场搬迁 市场建设 | 市场
commerce-prepaid | 单用途预付卡 | market | 单用途预付卡 会员卡 储值卡 | |
commerce-catering | 餐饮业与夜经济 | | 夜间经济 夜经济 餐饮业 老字号 | |
commerce-ecommerce | 电子商务 | market | 电子商务 农村电商 电商平台 跨境电商 | |
commerce-trade-corridor | 商贸物流与会展 | | 加工贸易 贸易 会展 展会 商贸物流 开放型经济 自贸区 | |
commerce-consumption | 促进消费 | | 促消费 消费券 以旧换新 | |
commerce-supply | 生活必需品保供 | market | 菜篮子 保供 农产品流通 生活必需品 | |
commerce-oil | 成品油流通 | | 成品油 非法加油 流动加油 | |
`,
);
