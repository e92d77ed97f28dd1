import { defineMessages } from '../i18n/defineMessages.ts';

/** The presentation player's controls. */
export const presentMessages = defineMessages({
  zh: {
    player: '播放控制',
    'player.previous': '上一场景',
    'player.play': '播放',
    'player.pause': '暂停',
    'player.next': '下一场景',
    'player.loop': '循环播放',
    'player.exit': '退出演示',
  },
  en: {
    player: 'Playback',
    'player.previous': 'Previous scene',
    'player.play': 'Play',
    'player.pause': 'Pause',
    'player.next': 'Next scene',
    'player.loop': 'Loop',
    'player.exit': 'Leave the presentation',
  },
});
