// Urban management (城市管理): streets, sanitation, greening, street furniture, city-appearance law
// enforcement. Most matters citizens raise about their street land here.
import { matters } from './define';

export const URBAN = matters(
  'urban',
  `
urban-stall | 占道经营 | market | 占道经营 乱摆摊 流动摊贩 摆摊 摆地摊 马路市场 出店经营 摊贩 小贩 占道 地摊 夜市摊 | 人行道
urban-waste | 生活垃圾 | | 垃圾 垃圾堆积 垃圾清运 垃圾桶 生活垃圾 乱扔垃圾 垃圾站 垃圾箱 垃圾成堆 垃圾围城 | 清运
urban-sorting | 垃圾分类 | | 垃圾分类 分类投放 厨余垃圾 可回收物 | 分类
urban-transfer | 垃圾中转站 | ecology | 垃圾中转站 垃圾处理厂 垃圾填埋场 垃圾焚烧厂 渗滤液 | | fam=ecology
urban-muck | 渣土运输 | transport | 渣土 渣土车 泥头车 抛洒 滴漏 沿路撒落 带泥上路 | 货车
urban-construction-waste | 建筑垃圾 | housing | 建筑垃圾 装修垃圾 建渣 乱倒 偷倒 | 堆放
urban-billboard | 户外广告与店招 | | 广告牌 店招 户外广告 招牌 广告牌松动 灯箱 横幅 LED屏 | 广告
urban-flyposting | 乱张贴 | | 牛皮癣 小广告 乱张贴 乱涂乱画 乱发传单 喷涂 | 传单
urban-manhole | 井盖 | utilities | 井盖 窨井盖 井盖缺失 井盖破损 井盖松动 雨水篦子 雨篦子 检查井 | | fam=lifeline,flooding
urban-streetlight | 路灯 | utilities | 路灯 路灯不亮 路灯损坏 照明设施 景观灯 亮化 熄灯 | 照明 | fam=lifeline
urban-green | 园林绿化 | | 绿化带 绿化 行道树 修剪 草坪 毁绿 园林 绿地 花坛 树枝 枯树 古树 砍伐树木 砍树 乱砍 | 树木
urban-tree-hazard | 树木倒伏 | emergency | 树木倒伏 大树倒 树倒了 断枝 树枝断裂 | | p2 event
urban-illegal-build | 违法建设 | planning | 违章建筑 违建 乱搭乱建 私搭乱建 违法建设 违法搭建 楼顶加层 搭建棚子 违章搭建 拆违 违建拆除 违规建设 | 搭建 阳光房
urban-fumes | 餐饮油烟 | ecology | 油烟扰民 油烟 餐饮油烟 烧烤 露天烧烤 油烟机 排烟 | 餐馆 饭店 | fam=ecology
urban-noise | 社会生活噪音 | police | 夜市噪音 广场舞 高音喇叭 音响 喇叭 外放音乐 商铺噪音 叫卖 噪音扰民 吵闹 吵得 | 噪音 扰民
urban-sanitation | 市容环境卫生 |  | 环境卫生 脏乱差 卫生死角 清扫 保洁 环卫 市容 市容市貌 污水横流 道路脏 脏乱 环境脏乱 洒水车 清扫车 | 卫生
urban-toilet | 公共厕所 | | 公厕 公共厕所 厕所 如厕 旱厕 | 卫生间
urban-sidewalk | 人行道与市政设施 | transport | 人行道 盲道 护栏 隔离栏 路沿石 市政设施 道路设施 人行道破损 地砖 石墩 路桩 | 行人
urban-parking | 公共停车 | police | 停车难 停车位 停车场 车位 停车收费 咪表 占道停车收费 公共停车 | 停车
urban-bikes | 共享单车 | transport | 共享单车 单车乱停 共享电单车 | 单车
urban-stray | 流浪动物 | | 流浪狗 流浪猫 野狗 流浪动物 | 小狗 小猫
urban-drainage | 市政排水 | water | 下水道 排水管网 排水管 管网堵塞 下水道堵塞 污水外溢 污水冒 化粪池 雨水管 排水沟 阴沟 | 堵塞 | fam=flooding,lifeline
urban-park | 公园广场 | | 公园 公园管理 游园 健身器材 健身路径 亭子 | 广场
urban-facilities | 城市公共设施 | | 公共设施 便民设施 座椅 垃圾房 报刊亭 书报亭 | 设施
urban-road-occupy | 占道施工与堆物 | transport | 占道施工 占道堆放 堆物 占用道路 挖路 开挖 破路 | 堆放
urban-law-enforcement | 城管执法 | | 城管 城管执法 城管队员 综合执法 执法队员 暴力执法 | 执法
urban-square-dance | 广场舞 | police | 广场舞扰民 跳舞扰民 | |
urban-smell | 街面异味 | ecology | 臭味 臭气熏天 恶臭 臭水沟 | 异味
urban-dumping | 乱倒乱排 | ecology | 乱倒污水 乱倒垃圾 倾倒 乱排 | |
urban-water-surface | 水面保洁 | water | 水面漂浮物 河面垃圾 江面垃圾 漂浮垃圾 | |
urban-morning-market | 早市夜市 | market | 早市 夜市 临时市场 | |
urban-car-wash | 占道洗车修车 | | 占道洗车 占道修车 路边洗车 洗车场 | |
urban-rooftop | 楼顶种菜与乱堆 | housing | 楼顶种菜 楼顶菜园 屋顶种菜 天台种菜 | |
urban-pipeline-overhead | 架空线缆 | utilities | 飞线 乱拉线 蜘蛛网线 线缆杂乱 线缆垂落 电线杆 弱电线 | 电线
`,
);
