// 120 risk categories in 12 families, each with a lead department and a default response plan.
// Our own classification after the article's examples (geohazard, high-rise fire, flooding, …).

export interface FamilySeed {
  id: string; name: string; nameEn: string; lead: string;
  /** level mix for points of this family: major, high, moderate, low */
  levelMix: [number, number, number, number];
  steps: string[];
  categories: [name: string, nameEn: string, lead?: string][];
}

export const FAMILIES: readonly FamilySeed[] = [
  {
    id: 'geohazard', name: '地质灾害', nameEn: 'Geohazard', lead: 'planning', levelMix: [4, 14, 36, 46],
    steps: ['核实监测数据与现场巡查', '划定警戒区并疏散受威胁人员', '通知规划自然资源局专业队伍研判', '实施临时排危措施', '持续监测直至解除预警'],
    categories: [['崩塌', 'Rock fall'], ['滑坡', 'Landslide'], ['危岩', 'Unstable rock mass'], ['地面塌陷', 'Ground collapse'], ['泥石流沟', 'Debris-flow gully'], ['不稳定斜坡', 'Unstable slope'], ['高切坡', 'High cut slope'], ['地裂缝', 'Ground fissure'], ['采空区', 'Mined-out area'], ['岸坡垮塌', 'Bank collapse', 'water']],
  },
  {
    id: 'highrise-fire', name: '高层建筑消防', nameEn: 'High-rise fire', lead: 'fire', levelMix: [3, 12, 40, 45],
    steps: ['确认火情或隐患位置', '调度消防救援力量', '组织楼内人员疏散', '检查消防设施与通道', '整改复查并闭环'],
    categories: [['超高层建筑', 'Super high-rise'], ['高层住宅', 'High-rise housing'], ['高层公共建筑', 'High-rise public building'], ['消防通道占用', 'Blocked fire lane', 'urban'], ['电动车集中充电', 'E-bike charging cluster'], ['外墙保温材料', 'Facade insulation'], ['地下车库', 'Underground car park'], ['消防设施失效', 'Failed fire equipment'], ['避难层', 'Refuge floor'], ['老旧高层', 'Ageing high-rise']],
  },
  {
    id: 'flooding', name: '防汛内涝', nameEn: 'Flooding', lead: 'water', levelMix: [4, 15, 38, 43],
    steps: ['核对水位雨量与视联网画面', '发布预警并转移低洼人员', '调度排涝泵车与抢险队伍', '设置交通管制与警示', '水退后清淤消杀与复盘'],
    categories: [['城市内涝点', 'Urban waterlogging spot', 'urban'], ['下穿隧道积水', 'Underpass flooding', 'transport'], ['河道行洪', 'River channel'], ['山洪沟道', 'Flash-flood gully'], ['水库山坪塘', 'Reservoir and pond'], ['排水管网', 'Drainage network', 'urban'], ['低洼棚户', 'Low-lying shanties'], ['沿江亲水平台', 'Riverside platform'], ['临河建筑', 'Riverside building'], ['地下商场进水', 'Flooded underground mall', 'emergency']],
  },
  {
    id: 'gas', name: '燃气安全', nameEn: 'Gas', lead: 'utilities', levelMix: [3, 12, 35, 50],
    steps: ['关阀断气并划定警戒', '禁绝火源组织疏散', '通知燃气企业抢修', '检测浓度确认安全', '恢复供气与入户复查'],
    categories: [['燃气管道', 'Gas main'], ['燃气调压站', 'Pressure regulating station'], ['餐饮场所用气', 'Restaurant gas use', 'market'], ['瓶装液化气', 'Bottled LPG', 'market'], ['老旧燃气管网', 'Ageing gas network'], ['燃气阀井', 'Gas valve pit'], ['加气站', 'CNG/LNG station', 'emergency'], ['居民户内燃气', 'Household gas'], ['管廊燃气', 'Gas in utility tunnel'], ['燃气储配站', 'Gas storage station']],
  },
  {
    id: 'construction', name: '建筑施工', nameEn: 'Construction', lead: 'housing', levelMix: [3, 13, 38, 46],
    steps: ['责令停止危险作业', '撤离作业人员', '组织专家研判', '督促施工单位整改', '验收后复工'],
    categories: [['深基坑', 'Deep excavation'], ['高大模板支撑', 'High formwork'], ['塔式起重机', 'Tower crane'], ['脚手架', 'Scaffolding'], ['施工升降机', 'Construction hoist'], ['工地围挡', 'Site hoarding', 'urban'], ['地下暗挖', 'Tunnelling'], ['拆除工程', 'Demolition'], ['施工临时用电', 'Temporary site power'], ['轨道交通施工', 'Metro construction', 'transport']],
  },
  {
    id: 'crowds', name: '人员密集场所', nameEn: 'Crowds', lead: 'police', levelMix: [2, 10, 38, 50],
    steps: ['调取周边视频研判人流', '启动限流与单向通行', '增派警力与志愿者', '保持应急通道畅通', '人流回落后逐步解除'],
    categories: [['商圈步行街', 'Shopping district'], ['景区古镇', 'Scenic old town'], ['体育场馆', 'Stadium'], ['学校周边', 'School surroundings', 'education'], ['医院周边', 'Hospital surroundings', 'health'], ['交通枢纽', 'Transport hub', 'transport'], ['大型活动场地', 'Event venue'], ['农贸市场', 'Farmers market', 'market'], ['宗教活动场所', 'Religious venue', 'civil'], ['夜间经济街区', 'Night-time economy street', 'urban']],
  },
  {
    id: 'traffic', name: '道路交通', nameEn: 'Traffic', lead: 'transport', levelMix: [3, 12, 40, 45],
    steps: ['核实路况与事故信息', '设置警示与交通疏导', '调度清障与抢修', '发布绕行信息', '恢复通行并排查成因'],
    categories: [['急弯陡坡', 'Sharp bend and steep grade'], ['事故多发路段', 'Accident black spot', 'police'], ['桥梁', 'Bridge'], ['隧道', 'Tunnel'], ['临崖临水路段', 'Cliff or waterside road'], ['学校门前道路', 'Road at school gate', 'police'], ['公交站台', 'Bus stop'], ['复杂交叉口', 'Complex junction', 'police'], ['道路塌陷隐患', 'Road collapse hazard', 'urban'], ['货车通行路段', 'Heavy goods route']],
  },
  {
    id: 'hazchem', name: '危险化学品', nameEn: 'Hazardous chemicals', lead: 'emergency', levelMix: [5, 15, 40, 40],
    steps: ['确认泄漏或隐患物质', '划定警戒与上风向疏散', '调度消防与危化专业队伍', '监测环境与处置污染', '追溯责任与整改'],
    categories: [['危化品仓库', 'Chemical warehouse'], ['加油站', 'Petrol station'], ['危化品运输车辆停放点', 'Chemical tanker parking', 'transport'], ['化工企业', 'Chemical plant'], ['高校实验室危化品', 'Laboratory chemicals', 'education'], ['工业气体充装站', 'Industrial gas filling'], ['粉尘涉爆企业', 'Combustible dust plant'], ['有限空间作业', 'Confined-space work'], ['涉氨制冷企业', 'Ammonia refrigeration'], ['危险废物贮存', 'Hazardous waste store', 'ecology']],
  },
  {
    id: 'old-housing', name: '老旧房屋', nameEn: 'Old housing', lead: 'housing', levelMix: [4, 14, 37, 45],
    steps: ['现场核查房屋险情', '撤离危险区内住户', '设置围挡与警示', '组织鉴定与排危加固', '安置回访与长效监测'],
    categories: [['C级危房', 'Grade-C dangerous house'], ['D级危房', 'Grade-D dangerous house'], ['老旧小区', 'Old residential estate'], ['农村自建房', 'Self-built rural house'], ['棚户区', 'Shanty area', 'civil'], ['历史建筑', 'Historic building', 'planning'], ['外墙饰面脱落', 'Falling facade'], ['高龄砖混楼', 'Old brick-concrete block'], ['违法加建', 'Illegal extension', 'urban'], ['擅改承重结构', 'Altered load-bearing structure']],
  },
  {
    id: 'lifeline', name: '城市生命线', nameEn: 'Urban lifelines', lead: 'utilities', levelMix: [3, 12, 35, 50],
    steps: ['定位故障与影响范围', '通知权属单位抢修', '保障重点用户应急供给', '发布停复供信息', '复盘并纳入隐患清单'],
    categories: [['供水主管网', 'Water main'], ['排水泵站', 'Drainage pumping station', 'urban'], ['变电站', 'Substation'], ['架空线路', 'Overhead line'], ['地下综合管廊', 'Utility tunnel'], ['通信基站', 'Telecom base station'], ['路灯设施', 'Street lighting', 'urban'], ['自来水厂', 'Waterworks'], ['二次供水设施', 'Secondary water supply'], ['窨井盖', 'Manhole cover', 'urban']],
  },
  {
    id: 'public-safety-services', name: '市场与公共卫生', nameEn: 'Markets and public health', lead: 'market', levelMix: [2, 10, 38, 50],
    steps: ['核查投诉与检测结果', '暂停相关经营或设备使用', '组织专业检验', '督促整改并公示', '回访复查'],
    categories: [['食品生产企业', 'Food factory'], ['餐饮集中区', 'Restaurant cluster'], ['电梯', 'Lift'], ['锅炉压力容器', 'Boiler and pressure vessel'], ['大型游乐设施', 'Amusement ride'], ['医疗机构', 'Medical institution', 'health'], ['养老机构', 'Care home', 'civil'], ['集中医学观察点', 'Medical observation site', 'health'], ['药品经营企业', 'Pharmacy'], ['冷链仓储', 'Cold-chain warehouse']],
  },
  {
    id: 'ecology', name: '生态环境与森林防火', nameEn: 'Environment and forest fire', lead: 'ecology', levelMix: [2, 10, 38, 50],
    steps: ['现场核查与采样', '切断污染源或火源', '调度专业处置力量', '监测环境指标', '追责整改与信息公开'],
    categories: [['污水处理厂', 'Sewage works'], ['垃圾中转站', 'Refuse transfer station', 'urban'], ['饮用水水源地', 'Drinking-water source'], ['工业废水排口', 'Industrial outfall'], ['噪声扰民源', 'Noise nuisance'], ['扬尘污染源', 'Dust source', 'urban'], ['森林防火重点区', 'Forest-fire priority zone', 'emergency'], ['林区出入口', 'Forest entrance', 'planning'], ['餐饮油烟', 'Kitchen fumes', 'urban'], ['固废堆放点', 'Solid-waste dump']],
  },
];
