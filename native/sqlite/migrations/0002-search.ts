// 0002: full-text search over risk-point and camera names/addresses. The trigram tokenizer finds any
// substring of three or more characters, which is what Chinese names need (no word boundaries).
import type { Database } from 'better-sqlite3';

export const name = '0002-search';

export function up(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE risk_points_fts USING fts5(
      name, address, content='risk_points', content_rowid='id', tokenize='trigram'
    );
    CREATE TRIGGER risk_points_fts_ai AFTER INSERT ON risk_points BEGIN
      INSERT INTO risk_points_fts(rowid, name, address) VALUES (new.id, new.name, new.address);
    END;
    CREATE TRIGGER risk_points_fts_ad AFTER DELETE ON risk_points BEGIN
      INSERT INTO risk_points_fts(risk_points_fts, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
    END;
    CREATE TRIGGER risk_points_fts_au AFTER UPDATE OF name, address ON risk_points BEGIN
      INSERT INTO risk_points_fts(risk_points_fts, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
      INSERT INTO risk_points_fts(rowid, name, address) VALUES (new.id, new.name, new.address);
    END;

    CREATE VIRTUAL TABLE cameras_fts USING fts5(
      name, content='cameras', content_rowid='rid', tokenize='trigram'
    );
    CREATE TRIGGER cameras_fts_ai AFTER INSERT ON cameras BEGIN
      INSERT INTO cameras_fts(rowid, name) VALUES (new.rid, new.name);
    END;
    CREATE TRIGGER cameras_fts_ad AFTER DELETE ON cameras BEGIN
      INSERT INTO cameras_fts(cameras_fts, rowid, name) VALUES ('delete', old.rid, old.name);
    END;
  `);
}
