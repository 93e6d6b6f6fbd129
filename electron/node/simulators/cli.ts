// `npm run sim:docks -- --broker mqtt://host:1883 [--speed 1] [--nests all|<dockSn,…>]`: the simulated DJI
// docks of the seeded nests against any broker (a console's embedded one, Mosquitto, EMQX). Credentials
// from LIANQIN_MQTT_USER / LIANQIN_MQTT_PASSWORD. Wayline files are downloaded from the URL the console
// sends, as a real dock does.
import { parseBrokerUrl } from '../bus/settings';
import { seededNests } from '../seed/nests';
import { DockSimulators } from './index';

function parse(argv: string[]): { broker: string; speed: number; only: string[] | null } {
  const out = { broker: '', speed: 1, only: null as string[] | null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--broker') out.broker = parseBrokerUrl(value);
    else if (flag === '--speed') {
      out.speed = Number(value);
      if (!(out.speed > 0 && out.speed <= 100)) throw new Error(`--speed must be a number in (0, 100], got ${value}`);
    } else if (flag === '--nests') out.only = value === 'all' ? null : value.split(',');
    else throw new Error(`unknown option ${flag} (known: --broker, --speed, --nests)`);
  }
  if (!out.broker) throw new Error('--broker mqtt://host:port is required');
  return out;
}

async function main() {
  let o: ReturnType<typeof parse>;
  try {
    o = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`sim:docks: ${(e as Error).message}`);
    process.exit(2);
  }
  const nests = seededNests().filter((n) => !o.only || o.only.includes(n.dockSn));
  const sims = new DockSimulators({
    nests: () => nests,
    connection: () => ({
      url: o.broker,
      credentials: { username: process.env.LIANQIN_MQTT_USER, password: process.env.LIANQIN_MQTT_PASSWORD },
    }),
    now: Date.now,
    speed: o.speed,
    log: (l) => console.log(l),
    fetchFile: async (url) => {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    },
  });
  await sims.start();
  const stop = () => void sims.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
