// Which sensing devices watch each risk category: a family default and the categories that differ, in
// order of importance (a point's first linked sensor is its main device). Our own reading of common
// Chinese monitoring practice (slope crack meters and GNSS, ponding gauges at underpasses, gas detectors in
// restaurants and utility tunnels, residual-current monitors for electrical fires…).
import type { SensorKind } from '../../electron/common/sensors/kinds';
import type { RuleSpec } from '../../electron/common/rules/threshold';

export const FAMILY_KINDS: Record<string, SensorKind[]> = {
  geohazard: ['crack', 'gnss', 'inclinometer', 'rain-gauge'],
  'highrise-fire': ['smoke', 'temperature', 'leakage-current', 'water-pressure'],
  flooding: ['ponding', 'rain-gauge'],
  gas: ['gas', 'temperature'],
  construction: ['inclinometer', 'settlement', 'tilt'],
  crowds: ['crowd', 'crowd', 'crowd'],
  traffic: ['ponding', 'settlement', 'strain'],
  hazchem: ['gas', 'temperature', 'h2s'],
  'old-housing': ['tilt', 'crack', 'settlement'],
  lifeline: ['water-pressure', 'manhole', 'leakage-current'],
  'public-safety-services': ['temperature', 'crowd', 'smoke'],
  ecology: ['pm10', 'water-turbidity', 'noise'],
};

export const CATEGORY_KINDS: Record<string, SensorKind[]> = {
  地面塌陷: ['settlement', 'crack', 'rain-gauge'],
  泥石流沟: ['rain-gauge', 'water-level', 'gnss'],
  岸坡垮塌: ['gnss', 'water-level', 'crack'],
  电动车集中充电: ['temperature', 'smoke', 'leakage-current'],
  河道行洪: ['water-level', 'rain-gauge'],
  山洪沟道: ['water-level', 'rain-gauge'],
  水库山坪塘: ['water-level', 'gnss', 'rain-gauge'],
  沿江亲水平台: ['water-level', 'ponding'],
  临河建筑: ['water-level', 'tilt'],
  地下商场进水: ['ponding', 'water-level'],
  燃气管道: ['gas', 'settlement'],
  管廊燃气: ['gas', 'h2s', 'temperature'],
  深基坑: ['inclinometer', 'settlement', 'water-level'],
  高大模板支撑: ['strain', 'tilt'],
  塔式起重机: ['wind', 'tilt', 'strain'],
  脚手架: ['tilt', 'wind'],
  施工升降机: ['strain', 'wind'],
  工地围挡: ['tilt', 'wind'],
  地下暗挖: ['settlement', 'gas', 'h2s'],
  拆除工程: ['vibration', 'pm10'],
  施工临时用电: ['leakage-current', 'temperature'],
  轨道交通施工: ['settlement', 'vibration', 'inclinometer'],
  桥梁: ['strain', 'tilt', 'vibration'],
  隧道: ['gas', 'ponding', 'smoke'],
  临崖临水路段: ['gnss', 'crack'],
  道路塌陷隐患: ['settlement', 'water-pressure', 'ponding'],
  涉氨制冷企业: ['ammonia', 'temperature'],
  有限空间作业: ['h2s', 'gas'],
  粉尘涉爆企业: ['pm10', 'temperature'],
  危险废物贮存: ['gas', 'h2s'],
  排水泵站: ['water-level', 'leakage-current'],
  变电站: ['temperature', 'leakage-current'],
  架空线路: ['wind', 'temperature'],
  地下综合管廊: ['gas', 'h2s', 'temperature'],
  通信基站: ['temperature', 'tilt'],
  路灯设施: ['leakage-current'],
  自来水厂: ['water-turbidity', 'water-pressure'],
  二次供水设施: ['water-turbidity', 'water-pressure'],
  窨井盖: ['manhole', 'h2s'],
  餐饮集中区: ['gas', 'temperature'],
  电梯: ['vibration', 'leakage-current'],
  锅炉压力容器: ['temperature', 'gas'],
  大型游乐设施: ['vibration', 'wind', 'crowd'],
  冷链仓储: ['temperature'],
  污水处理厂: ['h2s', 'water-turbidity'],
  垃圾中转站: ['h2s', 'ammonia'],
  饮用水水源地: ['water-turbidity', 'water-level'],
  工业废水排口: ['water-turbidity'],
  噪声扰民源: ['noise'],
  扬尘污染源: ['pm10'],
  森林防火重点区: ['temperature', 'smoke', 'wind'],
  林区出入口: ['crowd', 'smoke'],
  餐饮油烟: ['pm10'],
  固废堆放点: ['gas', 'h2s'],
};

/** Thresholds a category sets differently from its kind (a cold store's temperature, a river gauge's stage). */
export const CATEGORY_RULES: Record<string, Partial<Record<SensorKind, Partial<RuleSpec>>>> = {
  冷链仓储: { temperature: { warning: -15, critical: -10, recovery: -16 } },
};

/** Calm values a category's devices report where they differ from the kind's (for the simulator). */
export const CATEGORY_CALM: Record<string, Partial<Record<SensorKind, number>>> = {
  冷链仓储: { temperature: -20 },
};
