// The console's window kinds and the page each opens (browser mode: one URL each; Electron: one window
// each, placed by the layout manager). Names for the start-up message and menus.
export interface WindowPage {
  kind: string;
  page: string;
  name: string;
  nameEn: string;
}

export const WINDOW_PAGES: readonly WindowPage[] = [
  { kind: 'map-wall', page: '', name: '风险一张图', nameEn: 'map wall' },
  { kind: 'dispatch-board', page: 'board.html', name: '4+N 联勤调度台', nameEn: 'dispatch board' },
  { kind: 'video-wall', page: 'video.html', name: '视频墙', nameEn: 'video wall' },
  { kind: 'drone-panel', page: 'drones.html', name: '无人机巢', nameEn: 'drone panel' },
  { kind: 'dashboard', page: 'dashboard.html', name: '城市体征', nameEn: 'dashboard' },
  { kind: 'field-laptop', page: 'field.html', name: '现场指挥', nameEn: 'field laptop' },
];
