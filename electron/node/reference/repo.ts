// Reference data: towns, departments, risk families, categories, plans, nests and map layers.
import type { Db } from '../../../native/sqlite/open';
import type { ResponsibilityRule } from '../../common/dispatch/matching';
import type {
  DepartmentDto,
  DroneNestDto,
  MapLayersDto,
  ResponsePlanDto,
  RiskCategoryDto,
  RiskFamilyDto,
  TownDto,
} from '../../common/dto';

export class ReferenceRepo {
  constructor(private readonly db: Db) {}

  towns(): TownDto[] {
    return (this.db.prepare('SELECT * FROM towns ORDER BY code').all() as Record<string, unknown>[]).map((r) => ({
      code: r.code as string,
      name: r.name as string,
      nameEn: r.name_en as string,
      kind: r.kind as TownDto['kind'],
      managed: r.managed === 1,
      lon: r.lon as number,
      lat: r.lat as number,
      pointQuality: r.point_quality as TownDto['pointQuality'],
      pointSource: r.point_source as string,
    }));
  }

  departments(): DepartmentDto[] {
    // the joint-duty roster first (resident, then on call), the bureaus outside it last
    const rows = this.db
      .prepare('SELECT * FROM departments ORDER BY joint_duty DESC, role DESC, rowid')
      .all() as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as string,
      name: r.name as string,
      nameEn: r.name_en as string,
      role: r.role as DepartmentDto['role'],
      jointDuty: r.joint_duty === 1,
      dutyPhone: r.duty_phone as string,
      contact: r.contact as string,
    }));
  }

  families(): RiskFamilyDto[] {
    return (
      this.db.prepare('SELECT id, name, name_en FROM risk_families ORDER BY rowid').all() as Record<string, string>[]
    ).map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en }));
  }

  categories(): RiskCategoryDto[] {
    return (this.db.prepare('SELECT * FROM risk_categories ORDER BY id').all() as Record<string, unknown>[]).map(
      (r) => ({
        id: r.id as number,
        familyId: r.family_id as string,
        name: r.name as string,
        nameEn: r.name_en as string,
        planId: r.plan_id as string,
        leadDepartmentId: r.lead_department_id as string,
      }),
    );
  }

  plan(id: string): ResponsePlanDto | null {
    const r = this.db.prepare('SELECT * FROM response_plans WHERE id = ?').get(id) as
      Record<string, string> | undefined;
    return r
      ? {
          id: r.id,
          name: r.name,
          nameEn: r.name_en,
          steps: JSON.parse(r.steps_json),
          stepsEn: JSON.parse(r.steps_en_json),
          leadDepartmentId: r.lead_department_id,
        }
      : null;
  }

  nests(): DroneNestDto[] {
    return (this.db.prepare('SELECT * FROM drone_nests ORDER BY id').all() as Record<string, unknown>[]).map((r) => ({
      id: r.id as string,
      name: r.name as string,
      townCode: r.town_code as string,
      lon: r.lon as number,
      lat: r.lat as number,
      coverageRadiusM: r.coverage_radius_m as number,
      dockSn: r.dock_sn as string,
      aircraftSn: r.aircraft_sn as string,
      pointQuality: r.point_quality as DroneNestDto['pointQuality'],
    }));
  }

  mapLayers(): MapLayersDto {
    const get = (id: string) => {
      const r = this.db.prepare('SELECT geojson FROM map_layers WHERE id = ?').get(id) as
        { geojson: string } | undefined;
      return r ? JSON.parse(r.geojson) : null;
    };
    return {
      outline: get('outline') ?? { ring: [], approximate: true, source: 'not seeded' },
      river: get('rivers') ?? [],
    };
  }

  /** Neighbouring districts by approximate centre (to name where a point outside ours lies). */
  neighbours(): { name: string; nameEn: string; lon: number; lat: number }[] {
    const r = this.db.prepare("SELECT geojson FROM map_layers WHERE id = 'neighbours'").pluck().get() as
      string | undefined;
    return r ? JSON.parse(r) : [];
  }

  /** The responsibility list as the seeder stored it, highest priority first. */
  responsibilityRules(): ResponsibilityRule[] {
    return (
      this.db.prepare('SELECT rule_json FROM responsibility_rules ORDER BY priority DESC, id').pluck().all() as string[]
    ).map((j) => JSON.parse(j) as ResponsibilityRule);
  }

  count(table: 'towns' | 'departments' | 'risk_categories' | 'risk_points' | 'cameras' | 'drone_nests'): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
}
