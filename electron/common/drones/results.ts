// DJI Cloud API result codes in words an officer can act on (Chinese first, English second). Codes
// follow the dock's published error families; a code not listed is named by its family.

type Text = readonly [zh: string, en: string];

const CODES: Record<number, Text> = {
  0: ['成功', 'Done'],
  314001: ['任务下发失败，请稍后重试', 'The task could not be handed to the dock; try again later'],
  314002: ['航线文件缺少 MD5 指纹', 'The wayline file came without its MD5 fingerprint'],
  314003: ['航线文件格式不受支持', 'The wayline file format is not supported'],
  314005: ['航线文件 MD5 校验失败', 'The wayline file failed its MD5 check'],
  314008: ['飞行器任务准备超时，请重启机场后重试', 'The aircraft took too long to prepare; restart the dock and retry'],
  314013: ['无法获取航线文件下载地址', 'The dock could not get the wayline download address'],
  316009: ['飞行器电量不足（需充至 50% 以上）', 'Aircraft battery too low (charge above 50%)'],
  316010: ['未检测到飞行器，请确认飞行器在舱内并已连接', 'No aircraft detected; check it is in the dock and linked'],
  316026: ['机场急停按钮被按下，请先松开', 'The dock emergency stop is pressed; release it first'],
  319001: ['机场正在执行任务或上传日志，暂不能执行', 'The dock is busy with a task or uploading logs'],
  319002: ['机场系统异常，请重启机场', 'Dock system error; restart the dock'],
  319003: ['机场中不存在该任务', 'The dock has no task with that id'],
  319004: ['任务已过期', 'The task has expired'],
  319008: ['机场与平台时间不同步', 'Dock and console clocks are not in sync'],
  319015: ['机场正在初始化，请稍候', 'The dock is initialising; wait until it is done'],
  319016: ['机场正在执行其他任务', 'The dock is running another task'],
  319022: ['飞向目标点任务失败', 'The fly-to-point task failed'],
  319023: ['停止飞向目标点失败', 'Stopping the fly-to-point task failed'],
  319025: ['任务准备中，暂不能执行新任务', 'A task is being prepared; the dock cannot take a new one yet'],
  319026: ['飞行器电量低于设定值，请等待充电', 'Aircraft battery below the set level; wait for charging'],
  319027: ['机场或飞行器存储空间不足', 'Not enough storage on the dock or the aircraft'],
  319030: ['机场没有飞行控制权', 'The dock does not hold flight control'],
  319032: ['目标点数量不正确', 'Wrong number of target points'],
  319036: ['机场处于远程调试模式', 'The dock is in remote debug mode'],
  319037: ['机场处于现场调试模式', 'The dock is in on-site debug mode'],
  319038: ['机场正在升级，请稍后重试', 'The dock is upgrading; try again later'],
  319043: ['取消返航失败', 'Cancelling return-to-home failed'],
  319999: ['机场系统异常，请重启机场', 'Dock system error; restart the dock'],
  321000: ['任务异常，请稍后重试或重启机场', 'Task error; retry later or restart the dock'],
  321257: ['任务已在执行，不能重复启动', 'The task is already running'],
  321513: ['航线高度超过飞行器限高', 'The route is higher than the aircraft height limit'],
  321514: ['起点或终点超出限距或位于缓冲区', 'Start or end point beyond the distance limit or in a buffer zone'],
  321515: ['航线穿越限飞区', 'The route crosses a no-fly zone'],
  321517: ['感知到障碍物，任务已停止', 'Obstacle detected; task stopped'],
  321769: ['飞行器卫星定位信号弱', 'Weak satellite positioning on the aircraft'],
  321772: ['飞行器电量低，无法执行任务', 'Aircraft battery low; cannot run the task'],
  321773: ['飞行器低电量返航，任务未完成', 'Low battery: the aircraft returned home before finishing'],
  321775: ['执行任务时飞行器信号丢失', 'Aircraft signal lost during the task'],
  321784: ['任务中遇大风紧急返航', 'Strong wind during the task: emergency return home'],
  322283: ['用户下发了返航，任务未完成', 'Return home sent by a user; task not completed'],
  514155: ['飞行器不在舱内，无法执行任务', 'The aircraft is not in the dock; cannot run the task'],
};

const FAMILIES: [lo: number, hi: number, zh: string, en: string][] = [
  [314000, 314999, '航线任务下发', 'wayline hand-over'],
  [316000, 316999, '起飞准备或返航', 'take-off preparation or return'],
  [317000, 317999, '媒体文件', 'media files'],
  [319000, 319999, '机场状态', 'dock state'],
  [321000, 322999, '任务执行', 'task execution'],
  [324000, 324999, '媒体上传', 'media upload'],
  [336000, 336999, '飞向目标点', 'fly to point'],
  [386000, 386999, '任务执行', 'task execution'],
  [514000, 514999, '机场设备', 'dock device'],
];

export interface ResultText {
  zh: string;
  en: string;
}

export function describeResult(code: number): ResultText {
  const known = CODES[code];
  if (known) return { zh: known[0], en: known[1] };
  const fam = FAMILIES.find(([lo, hi]) => code >= lo && code <= hi);
  if (fam)
    return {
      zh: `${fam[2]}失败（大疆返回码 ${code}）`,
      en: `${fam[3][0].toUpperCase()}${fam[3].slice(1)} failed (DJI result ${code})`,
    };
  return { zh: `机场拒绝执行（大疆返回码 ${code}）`, en: `The dock refused (DJI result ${code})` };
}

/** Whether the code is one this table names itself (for tests and coverage checks). */
export const isKnownResult = (code: number): boolean => code in CODES;
