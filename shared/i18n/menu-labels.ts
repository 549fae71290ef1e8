// Labels of the native menu and the About panel, in each UI language. They live in shared/
// because the main process builds the menu and may not import renderer code; the renderer's
// own strings are in its i18next catalogue. zh and en have the same keys (the type checks).
import type { UiLanguage } from '../api/contract';

const zh = {
  /** The app's name in this language (the renderer's common.appName says the same). */
  appName: '简报本',
  file: '文件',
  edit: '编辑',
  view: '视图',
  window: '窗口',
  help: '帮助',
  importPlan: '导入计划…',
  print: '打印…',
  newNote: '新建笔记',
  preferences: '偏好设置…',
  revealDataFolder: '打开数据文件夹',
  quit: '退出',
  find: '查找…',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  viewRead: '阅读',
  viewTable: '举措表',
  viewDashboard: '仪表盘',
  viewLibrary: '计划库',
  viewAnnotations: '标注',
  nextInitiative: '下一条举措',
  previousInitiative: '上一条举措',
  toggleOutline: '显示或隐藏大纲',
  readingMode: '正文语言',
  readingZh: '中文',
  readingEn: '英文（非官方译文）',
  readingBoth: '中英对照',
  language: '界面语言',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  toggleFullScreen: '切换全屏',
  minimize: '最小化',
  zoom: '缩放',
  close: '关闭窗口',
  front: '前置全部窗口',
  hide: '隐藏{{appName}}',
  hideOthers: '隐藏其他',
  unhide: '全部显示',
  about: '关于{{appName}}',
  dataFolder: '数据文件夹：{{path}}',
  reload: '重新加载',
  forceReload: '强制重新加载',
  toggleDevTools: '开发者工具',
};

export type MenuLabels = { readonly [K in keyof typeof zh]: string };

const en: MenuLabels = {
  appName: 'Briefbook',
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  importPlan: 'Import Plan…',
  print: 'Print…',
  newNote: 'New Note',
  preferences: 'Preferences…',
  revealDataFolder: 'Reveal Data Folder',
  quit: 'Quit',
  find: 'Find…',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  viewRead: 'Read',
  viewTable: 'Table',
  viewDashboard: 'Dashboard',
  viewLibrary: 'Library',
  viewAnnotations: 'Annotations',
  nextInitiative: 'Next Initiative',
  previousInitiative: 'Previous Initiative',
  toggleOutline: 'Show or Hide Outline',
  readingMode: 'Text Language',
  readingZh: 'Chinese',
  readingEn: 'English (unofficial translation)',
  readingBoth: 'Side by side',
  language: 'Interface Language',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  zoom: 'Zoom',
  close: 'Close Window',
  front: 'Bring All to Front',
  hide: 'Hide {{appName}}',
  hideOthers: 'Hide Others',
  unhide: 'Show All',
  about: 'About {{appName}}',
  dataFolder: 'Data folder: {{path}}',
  reload: 'Reload',
  forceReload: 'Force Reload',
  toggleDevTools: 'Developer Tools',
};

export const MENU_LABELS: Readonly<Record<UiLanguage, MenuLabels>> = { zh, en };

/** Language names are shown in their own language whatever the UI language, so a reader can always find theirs. */
export const LANGUAGE_NAMES: Readonly<Record<UiLanguage, string>> = { zh: '中文', en: 'English' };

/** Fills {{name}} placeholders (the same syntax as the renderer's i18next strings). */
export function fillLabel(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
