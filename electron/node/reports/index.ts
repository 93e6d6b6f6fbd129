// Reports from the platforms: taken once by their own id (HTTP and the bus), and the bus intake as a part.
import type { Db } from '../../../native/sqlite/open';
import type { IDispatchService } from '../../common/contract/dispatch';
import type { Incident } from '../../common/dispatch/types';
import type { Bus } from '../bus/index';
import { ReportsOverBus } from './bus';
import { ReportIntake } from './intake';
import { PlatformReportRepo } from './repo';

export interface ReportsOptions {
  /** listen for the platforms' reports on the bus (default on) */
  overBus?: boolean;
}

export interface ConsoleReports {
  intake: ReportIntake;
  parts: ReportsOverBus[];
}

export function createReports(
  deps: {
    db: Db;
    bus: Bus;
    dispatch: Pick<IDispatchService, 'report'>;
    incident: (id: string) => Incident | null;
    now: () => number;
    log: (line: string) => void;
  },
  opts: ReportsOptions = {},
): ConsoleReports {
  const intake = new ReportIntake({
    repo: new PlatformReportRepo(deps.db),
    dispatch: deps.dispatch,
    incident: deps.incident,
    now: deps.now,
  });
  const overBus =
    opts.overBus === false
      ? null
      : new ReportsOverBus({ client: () => deps.bus.client, ingest: deps.bus.ingest, intake, log: deps.log });
  return { intake, parts: overBus ? [overBus] : [] };
}
