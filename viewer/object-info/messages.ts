import { defineMessages } from '../i18n/defineMessages.ts';

/** The panel of a picked object and the records bound to it. */
export const objectInfoMessages = defineMessages({
  zh: {
    objectInfo: '对象信息',
    boundRecords: '关联记录',
    boundIncidents: '事件',
    boundPoints: '监测点与视频',
    lifecycle: '资源码全生命周期',
    latest: '最新 {reading}',
  },
  en: {
    objectInfo: 'Object',
    boundRecords: 'Bound records',
    boundIncidents: 'Incidents',
    boundPoints: 'Monitoring points and cameras',
    lifecycle: 'Resource-code lifecycle',
    latest: 'latest {reading}',
  },
});
