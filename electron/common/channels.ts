// Channel names only, without schemas: what the sandboxed preload needs for its allow-list.
// A unit test keeps these equal to the channels of CONTRACT.
export const METHOD_CHANNELS = [
  'system.getInfo',
  'system.getCounts',
  'reference.listTowns',
  'reference.listDepartments',
  'reference.listFamilies',
  'reference.listCategories',
  'reference.listNests',
  'reference.getMapLayers',
  'riskmap.getPackedPoints',
  'riskmap.getLevelCounts',
  'riskmap.getPoint',
  'riskmap.search',
  'riskmap.query',
  'cameras.list',
  'cameras.get',
  'cameras.nearby',
  'dispatch.report',
  'dispatch.command',
  'dispatch.list',
  'dispatch.board',
  'dispatch.get',
  'dispatch.stats',
  'workspace.get',
  'workspace.focusIncident',
  'workspace.focusPoint',
  'workspace.selectCamera',
  'workspace.getLayout',
  'workspace.setLayout',
] as const;

export const EVENT_CHANNELS = ['system.onDidSeedProgress', 'dispatch.onDidChange', 'workspace.onDidChange'] as const;
