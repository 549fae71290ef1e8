// UI strings of the plan dashboard (i18next namespace `dashboard`).
export const dashboard = {
  zh: {
    title: '仪表板',
  },
  en: {
    title: 'Dashboard',
  },
} as const;
