// Intranet settings: lianqin.settings.json beside the installation, <data>/settings.json over it, flags
// over both; each key checked like its flag, a bad one refused naming the file and the key.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../../electron/node/cli/args';
import { addMapSources, installDirOf, withSettings } from '../../../../electron/node/cli/settings';
import { tmpDir } from '../../../helpers/tmp';

function setup(install: object | string | null, data: object | string | null = null) {
  const installDir = tmpDir('lianqin-install-');
  const dataDir = tmpDir('lianqin-data-');
  const put = (f: string, v: object | string) => fs.writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v));
  if (install !== null) put(path.join(installDir, 'lianqin.settings.json'), install);
  if (data !== null) put(path.join(dataDir, 'settings.json'), data);
  return { installDir, dataDir, src: { installDir, defaultDataDir: dataDir } };
}

const intranet = {
  broker: 'mqtt://10.20.0.5:1883',
  videoPlatforms: ['simulator', 'wvp:http://10.20.0.6:18080'],
  signIn: 'required',
  idleLockMinutes: 5,
  reportIntake: false,
  simulateDocks: false,
  mapSources: [{ id: 'intranet-img', kind: 'xyz', url: 'http://10.20.0.7/tiles/{z}/{x}/{y}.png', name: '政务影像' }],
};

describe('settings beside the installation', () => {
  it('apply like their flags', () => {
    const { src } = setup(intranet);
    const { args, files, mapSources } = withSettings([], parseArgs, src);
    expect(args.console).toMatchObject({
      brokerUrl: 'mqtt://10.20.0.5:1883',
      officers: { signInRequired: true, idleLockMs: 300_000 },
      reports: { overBus: false },
      simulateDocks: false,
    });
    expect(args.console.video?.platforms).toHaveLength(2);
    expect(mapSources.map((s) => s.id)).toEqual(['intranet-img']);
    expect(files).toEqual([path.join(src.installDir, 'lianqin.settings.json')]);
  });

  it('choose the windows a console opens (a field laptop: its panel and the map); an unknown one is refused', () => {
    expect(parseArgs([]).windows).toBeNull();
    const { src } = setup({ windows: ['field-laptop', 'map-wall'] });
    expect(withSettings([], parseArgs, src).args.windows).toEqual(['field-laptop', 'map-wall']);
    expect(withSettings(['--windows', 'dispatch-board'], parseArgs, src).args.windows).toEqual(['dispatch-board']);
    expect(() => parseArgs(['--windows', 'map-wall,cockpit'])).toThrow(/unknown window "cockpit".*field-laptop/);
    expect(() => parseArgs(['--windows', 'map-wall,map-wall'])).toThrow(/twice/);
    const bad = setup({ windows: ['map-wall', 'radar'] });
    expect(() => withSettings([], parseArgs, bad.src)).toThrow(/radar/);
  });

  it('the data folder’s settings win over the installation’s, and flags over both', () => {
    const { src, dataDir } = setup(intranet, { idleLockMinutes: 15, signIn: 'optional' });
    const a = withSettings(['--idle-lock', '2', '--video-platform', 'direct'], parseArgs, src);
    expect(a.args.console.officers).toEqual({ signInRequired: false, idleLockMs: 120_000 });
    expect(a.args.console.video?.platforms).toEqual(['direct']);
    expect(a.args.console.brokerUrl).toBe('mqtt://10.20.0.5:1883');
    expect(a.files).toContain(path.join(dataDir, 'settings.json'));
  });

  it('takes the data folder from the installation’s file (relative to it), unless --data says otherwise', () => {
    const { src, installDir } = setup({ data: 'var/lianqin' });
    expect(withSettings([], parseArgs, src).args.dataDir).toBe(path.join(installDir, 'var/lianqin'));
    const other = tmpDir();
    expect(withSettings(['--data', other], parseArgs, src).args.dataDir).toBe(other);
  });

  it.each([
    [{ broker: 'http://10.0.0.5' }, null, /lianqin\.settings\.json: "broker": --broker must use mqtt/],
    [{ idleLockMinutes: 'ten' }, null, /lianqin\.settings\.json: "idleLockMinutes": /],
    [{ idleLockMinutes: 5000 }, null, /"idleLockMinutes": --idle-lock must be an integer 0\.\.1440/],
    [{ signIn: 'maybe' }, null, /"signIn"/],
    [{ colour: 'red' }, null, /lianqin\.settings\.json: .*colour/],
    [{ mapSources: [{ id: 'x', kind: 'xyz', url: 'http://h/{z}.png' }] }, null, /"mapSources\.0\.url"/],
    ['{not json', null, /lianqin\.settings\.json is not valid JSON/],
    [{}, { data: '/elsewhere' }, /settings\.json: "data" belongs in lianqin\.settings\.json/],
    [{}, { port: 70000 }, /[\\/]settings\.json: "port": --port must be an integer/],
  ])('refuses %j / %j naming the file and the key', (install, data, message) => {
    const { src } = setup(install, data);
    expect(() => withSettings([], parseArgs, src)).toThrow(message);
  });

  it('without any file the defaults stand', () => {
    const { src, dataDir } = setup(null);
    const r = withSettings([], parseArgs, src);
    expect(r).toMatchObject({ files: [], mapSources: [] });
    expect(r.args).toMatchObject({ dataDir, port: 4510, host: '127.0.0.1', console: {} });
  });

  it('an installed build reads the file beside the executable; an AppImage beside its image file', () => {
    expect(installDirOf('/opt/联勤指挥台/lianqin-console', {})).toBe('/opt/联勤指挥台');
    expect(installDirOf('/tmp/.mount_abc/lianqin-console', { APPIMAGE: '/home/duty/Apps/lianqin.AppImage' })).toBe(
      '/home/duty/Apps',
    );
  });

  it('adds the map sources once ready; one that fails is logged and the others still come', async () => {
    const added: string[] = [];
    const log: string[] = [];
    const maps = {
      addSource: async (s: { id: string }) => {
        if (s.id === 'down') throw new Error('capabilities not reachable');
        added.push(s.id);
      },
    };
    const n = await addMapSources(
      maps,
      [
        { id: 'down', kind: 'xyz', url: 'http://a/{z}/{x}/{y}.png' },
        { id: 'up', kind: 'xyz', url: 'http://b/{z}/{x}/{y}.png' },
      ],
      (l) => log.push(l),
    );
    expect([n, added]).toEqual([1, ['up']]);
    expect(log[0]).toMatch(/map source down not added: capabilities not reachable/);
  });
});
