// Argument schemas for every contract method, gathered from the features (each feature's
// folder has its own schemas.ts). Used by the core router only: the sandboxed preload must not
// import this file (it would pull zod into the preload bundle).
import type { z } from 'zod';
import type { ApiArgs, ApiMethod } from './contract';
import { annotationArgSchemas } from './annotations/schemas';
import { annotationExchangeArgSchemas } from './annotation-exchange/schemas';
import { appArgSchemas } from './app/schemas';
import { compareArgSchemas } from './compare/schemas';
import { dashboardArgSchemas } from './dashboard/schemas';
import { importArgSchemas } from './import/schemas';
import { translationArgSchemas } from './translations/schemas';
import { itemArgSchemas } from './items/schemas';
import { libraryArgSchemas } from './library/schemas';
import { packetArgSchemas } from './packets/schemas';
import { planArgSchemas } from './plans/schemas';
import { searchArgSchemas } from './search/schemas';
import { settingArgSchemas } from './settings/schemas';
import { statusArgSchemas } from './status/schemas';
import { storageArgSchemas } from './storage/schemas';
import { tableArgSchemas } from './table/schemas';
import { tagArgSchemas } from './tags/schemas';
import { versionArgSchemas } from './versions/schemas';
import { viewArgSchemas } from './views/schemas';

export { FIELD_LIMITS } from '../text';
export { isCalendarDate, statusKey } from './common-schemas';
export { initiativePatch } from './items/schemas';
export { statusOptions } from './status/schemas';
export { tableQuery, tableViewState } from './table/schemas';
export { planTranslation } from './translations/schemas';

export const argSchemas = {
  ...appArgSchemas,
  ...planArgSchemas,
  ...itemArgSchemas,
  ...settingArgSchemas,
  ...tableArgSchemas,
  ...statusArgSchemas,
  ...tagArgSchemas,
  ...viewArgSchemas,
  ...dashboardArgSchemas,
  ...annotationExchangeArgSchemas,
  ...libraryArgSchemas,
  ...storageArgSchemas,
  ...importArgSchemas,
  ...translationArgSchemas,
  ...versionArgSchemas,
  ...compareArgSchemas,
  ...annotationArgSchemas,
  ...searchArgSchemas,
  ...packetArgSchemas,
} satisfies { [M in ApiMethod]: z.ZodType<ApiArgs<M>> };
