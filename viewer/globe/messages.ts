import { defineMessages } from '../i18n/defineMessages.ts';

/** The 2D/3D switch. */
export const globeMessages = defineMessages({
  zh: {
    to2d: '二维',
    to3d: '三维',
    sceneModeTitle: '在二维地图与三维地球之间切换',
  },
  en: {
    to2d: '2D',
    to3d: '3D',
    sceneModeTitle: 'Switch between the flat 2D map and the 3D globe',
  },
});
