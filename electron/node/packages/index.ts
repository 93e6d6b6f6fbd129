// Builds the field-package side of a console and its HTTP routes.
import { fieldPackageRoutes } from '../host/routes/fieldPackages';
import type { RouteDef } from '../host/router';
import { FieldPackagesService, type FieldPackagesDeps } from './service';

export interface ConsoleFieldPackages {
  service: FieldPackagesService;
  routes: RouteDef[];
}

export function createFieldPackages(deps: FieldPackagesDeps): ConsoleFieldPackages {
  const service = new FieldPackagesService(deps);
  return { service, routes: fieldPackageRoutes(service) };
}
