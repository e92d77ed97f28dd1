import { aboutMessages } from '../about/messages.ts';
import { analysisMessages } from '../analysis/messages.ts';
import { appMessages } from '../app/messages.ts';
import { authMessages } from '../auth/messages.ts';
import { catalogMessages } from '../catalog/messages.ts';
import { compareMessages } from '../compare/messages.ts';
import { dashboardMessages } from '../dashboard/messages.ts';
import { globeMessages } from '../globe/messages.ts';
import { incidentsMessages } from '../incidents/messages.ts';
import { layerTreeMessages } from '../layer-tree/messages.ts';
import { measureMessages } from '../measure/messages.ts';
import { objectInfoMessages } from '../object-info/messages.ts';
import { presentMessages } from '../present/messages.ts';
import { replayMessages } from '../replay/messages.ts';
import { searchMessages } from '../search/messages.ts';
import { sqlMessages } from '../sql/messages.ts';
import { storyboardsMessages } from '../storyboards/messages.ts';
import type { Language } from './defineMessages.ts';

export type { Language } from './defineMessages.ts';

/** Every string the viewer shows, in both languages (zh-CN is the default), kept by the feature that shows it. */
export const featureMessages = {
  about: aboutMessages,
  analysis: analysisMessages,
  app: appMessages,
  auth: authMessages,
  catalog: catalogMessages,
  compare: compareMessages,
  dashboard: dashboardMessages,
  globe: globeMessages,
  incidents: incidentsMessages,
  layerTree: layerTreeMessages,
  measure: measureMessages,
  objectInfo: objectInfoMessages,
  present: presentMessages,
  replay: replayMessages,
  search: searchMessages,
  sql: sqlMessages,
  storyboards: storyboardsMessages,
};

export type MessageKey = { [Feature in keyof typeof featureMessages]: keyof (typeof featureMessages)[Feature]['zh'] }[keyof typeof featureMessages];

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

const merged = (language: Language): Record<MessageKey, string> => Object.assign({}, ...Object.values(featureMessages).map((table) => table[language]));

/** All features' strings in one table per language; a key belongs to one feature only. */
export const messages: Record<Language, Record<MessageKey, string>> = { zh: merged('zh'), en: merged('en') };

/**
 * A message in a language, its `{name}` placeholders filled from `params`. A placeholder given no
 * value is left as it is, so a slip shows on the page rather than breaking it.
 */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const text = messages[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : placeholder));
}

export const updateFrequencyNames: Record<Language, Record<string, string>> = {
  zh: { static: '不更新', yearly: '每年', quarterly: '每季度', monthly: '每月', weekly: '每周', daily: '每日', hourly: '每小时', realtime: '实时' },
  en: { static: 'static', yearly: 'yearly', quarterly: 'quarterly', monthly: 'monthly', weekly: 'weekly', daily: 'daily', hourly: 'hourly', realtime: 'real time' },
};

/** Labels of object properties; a property without one shows its own key. */
export const propertyLabels: Record<Language, Record<string, string>> = {
  zh: {
    oid: '对象编号', name: '名称', use: '用途', height: '高度（米）', floors: '层数', address: '地址',
    year: '建成年份', adminCode: '行政区划', type: '类型', status: '状态', latest: '最新读数',
    area: '面积（平方米）', className: '地类名称', code: '代码', resourceCode: '资源码', township: '乡镇（街道）', base: '基底高程（米）',
    zone: '规划分区', townshipCode: '所属乡镇（街道）', grade: '道路等级', kind: '类型', unit: '单位', department: '责任部门',
    village: '村（社区）',
    // Fields of a 三调 land-use delivery that an import keeps as they are.
    TBBH: '图斑编号', QSXZ: '权属性质', QSDWDM: '权属单位代码', QSDWMC: '权属单位名称', TBDLMJ: '图斑地类面积（平方米）',
    KCDLBM: '扣除地类编码', KCMJ: '扣除地类面积（平方米）', GDLX: '耕地类型', GDPDJB: '耕地坡度级别', CZCSXM: '城镇村属性码', BZ: '备注',
    // And of a spatial plan's land and sea use (规划用地用海).
    XZQDM: '行政区代码', XZQMC: '行政区名称', JQDLBM: '基期地类编码', JQDLMC: '基期地类名称', GHFQDM: '规划分区代码', GHFQMC: '规划分区名称',
  },
  en: {
    oid: 'Object id', name: 'Name', use: 'Use', height: 'Height (m)', floors: 'Floors', address: 'Address',
    year: 'Year built', adminCode: 'Administrative area', type: 'Type', status: 'Status', latest: 'Latest reading',
    area: 'Area (m²)', className: 'Land-use class', code: 'Code', resourceCode: 'Resource code', township: 'Township', base: 'Base elevation (m)',
    zone: 'Planning zone', townshipCode: 'Township', grade: 'Road grade', kind: 'Kind', unit: 'Unit', department: 'Department',
    village: 'Village',
    TBBH: 'Parcel number', QSXZ: 'Ownership', QSDWDM: 'Owner code', QSDWMC: 'Owner', TBDLMJ: 'Parcel class area (m²)',
    KCDLBM: 'Deducted class code', KCMJ: 'Deducted area (m²)', GDLX: 'Cropland type', GDPDJB: 'Cropland slope grade', CZCSXM: 'Urban/rural attribute code', BZ: 'Remarks',
    XZQDM: 'Administrative area code', XZQMC: 'Administrative area', JQDLBM: 'Base-year class code', JQDLMC: 'Base-year class', GHFQDM: 'Planning zone code', GHFQMC: 'Planning zone',
  },
};

/** Monitoring point kinds as the interface names them. */
export const monitoringKindLabels: Record<Language, Record<string, string>> = {
  zh: { 'water-level': '水位', rainfall: '雨量', 'air-quality': '空气质量', camera: '视频监控' },
  en: { 'water-level': 'Water level', rainfall: 'Rainfall', 'air-quality': 'Air quality', camera: 'Camera' },
};

/**
 * Incident types of county case systems (数字城管, 基层治理) and of the twin's own alarms, in English.
 * A type not listed is free text its reporter chose, and is shown as entered.
 */
export const incidentTypesInEnglish: Record<string, string> = {
  违法用地: 'Illegal land use',
  违法建设: 'Illegal construction',
  道路积水: 'Waterlogged road',
  设施损坏: 'Damaged facility',
  环境卫生: 'Sanitation',
  森林火情: 'Forest fire',
  河道漂浮物: 'Floating debris in a river',
  占道经营: 'Street vending on the road',
  噪声扰民: 'Noise nuisance',
  井盖缺失: 'Missing manhole cover',
  违章停车: 'Illegal parking',
  地质灾害: 'Geological hazard',
  监测告警: 'Monitoring alarm',
  其他: 'Other',
};

/** The stages of a resource code's life (资源码), in English. */
export const lifecycleStagesInEnglish: Record<string, string> = { 规划: 'Planning', 供地: 'Land supply', 审批: 'Approval', 监管: 'Supervision' };

/** An enumerated value as the interface's language names it: in English by `english` when listed there, else as it is. */
export const inLanguage = (english: Record<string, string>, value: string, language: Language): string => (language === 'en' ? (english[value] ?? value) : value);

