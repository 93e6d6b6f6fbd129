// 0008: departments citizen requests reach beyond the 4+N joint-duty roster (human resources and social
// security, commerce, culture and tourism, medical insurance, veterans, petitions) are kept with
// joint_duty = 0; response plans get their English name and steps. Rows already there stay on the roster
// and read with an empty English name until the seeder rewrites the reference tables.
import type { Database } from 'better-sqlite3';

export const name = '0008-roster-plan-english';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE departments ADD COLUMN joint_duty INTEGER NOT NULL DEFAULT 1 CHECK (joint_duty IN (0, 1));
    ALTER TABLE response_plans ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
    ALTER TABLE response_plans ADD COLUMN steps_en_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(steps_en_json));
  `);
}
