// 0001: reference data, risk points and cameras with their R*Tree indexes. Never edit once shipped.
import type { Database } from 'better-sqlite3';

export const name = '0001-init';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE towns (
      code TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('street','town')),
      managed INTEGER NOT NULL CHECK (managed IN (0,1)),
      lon REAL NOT NULL, lat REAL NOT NULL,
      point_quality TEXT NOT NULL, point_source TEXT NOT NULL
    );

    CREATE TABLE departments (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('resident','on-call')),
      duty_phone TEXT NOT NULL, contact TEXT NOT NULL
    );

    CREATE TABLE risk_families (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL);

    CREATE TABLE response_plans (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, steps_json TEXT NOT NULL CHECK (json_valid(steps_json)),
      lead_department_id TEXT NOT NULL REFERENCES departments(id)
    );

    CREATE TABLE risk_categories (
      id INTEGER PRIMARY KEY, family_id TEXT NOT NULL REFERENCES risk_families(id),
      name TEXT NOT NULL, name_en TEXT NOT NULL,
      plan_id TEXT NOT NULL REFERENCES response_plans(id),
      lead_department_id TEXT NOT NULL REFERENCES departments(id)
    );

    CREATE TABLE risk_points (
      id INTEGER PRIMARY KEY, name TEXT NOT NULL,
      category_id INTEGER NOT NULL REFERENCES risk_categories(id),
      level TEXT NOT NULL CHECK (level IN ('major','high','moderate','low')),
      town_code TEXT NOT NULL REFERENCES towns(code),
      address TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
      sensor_ids_json TEXT NOT NULL CHECK (json_valid(sensor_ids_json)),
      plan_id TEXT NOT NULL REFERENCES response_plans(id)
    );
    CREATE INDEX risk_points_category ON risk_points(category_id);
    CREATE INDEX risk_points_level ON risk_points(level);
    CREATE VIRTUAL TABLE risk_points_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

    CREATE TABLE cameras (
      rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('video-network','public-safety')),
      mount TEXT NOT NULL CHECK (mount IN ('fixed','ptz')),
      status TEXT NOT NULL CHECK (status IN ('online','offline','fault')),
      town_code TEXT NOT NULL REFERENCES towns(code),
      lon REAL NOT NULL, lat REAL NOT NULL,
      main_stream_url TEXT NOT NULL, sub_stream_url TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE cameras_rtree USING rtree(rid, min_lon, max_lon, min_lat, max_lat);

    CREATE TABLE drone_nests (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, town_code TEXT NOT NULL REFERENCES towns(code),
      lon REAL NOT NULL, lat REAL NOT NULL, coverage_radius_m REAL NOT NULL CHECK (coverage_radius_m > 0),
      dock_sn TEXT NOT NULL, aircraft_sn TEXT NOT NULL, point_quality TEXT NOT NULL
    );

    CREATE TABLE map_layers (id TEXT PRIMARY KEY, geojson TEXT NOT NULL CHECK (json_valid(geojson)));
  `);
}
