import { z } from 'zod';
import { calendarDate, planId } from '../common-schemas';

export const dashboardArgSchemas = {
  'dashboard.get': z.object({ planId, today: calendarDate }).strict(),
};
