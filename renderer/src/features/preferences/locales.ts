// UI strings of the preferences dialog and the in-app command menu (i18next namespace `preferences`).
export const preferences = {
  zh: {
    title: '偏好设置',
  },
  en: {
    title: 'Preferences',
  },
} as const;
