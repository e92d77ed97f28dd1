import { defineMessages } from '../i18n/defineMessages.ts';

/** The dashboard of figures. */
export const dashboardMessages = defineMessages({
  zh: {
    dashboard: '态势看板',
    'kpi.incidents': '事件总数',
    'kpi.open': '在办事件',
    'kpi.completion': '办结率',
    'kpi.alarms': '监测告警',
    'dashboard.byStatus': '事件处置状态',
    'dashboard.byTownship': '事件高发乡镇',
    'dashboard.landUse': '土地利用面积（平方公里）',
    'dashboard.buildings': '建筑用途（栋）',
    other: '其他',
    outsideTownships: '县域外',
    unknownUse: '未注明',
  },
  en: {
    dashboard: 'Dashboard',
    'kpi.incidents': 'Incidents',
    'kpi.open': 'Open',
    'kpi.completion': 'Closed',
    'kpi.alarms': 'Alarms',
    'dashboard.byStatus': 'Incidents by status',
    'dashboard.byTownship': 'Busiest townships',
    'dashboard.landUse': 'Land use (km²)',
    'dashboard.buildings': 'Buildings by use',
    other: 'Other',
    outsideTownships: 'Outside the county',
    unknownUse: 'Not given',
  },
});
