import { defineMessages } from '../i18n/defineMessages.ts';

/** Replaying the records as they stood at a moment past. */
export const replayMessages = defineMessages({
  zh: {
    replay: '回放',
    replayTitle: '时间回放：事件在任一时刻的状态，可 60 倍速播放',
    replayAt: '回放 {time}',
    replayPlay: '播放（60 倍速）',
    replayPause: '暂停',
    replayLive: '回到实时',
    replayMoment: '回放时刻',
  },
  en: {
    replay: 'Replay',
    replayTitle: 'Replay: the incidents as they stood at any moment, played at 60×',
    replayAt: 'Replay {time}',
    replayPlay: 'Play (60×)',
    replayPause: 'Pause',
    replayLive: 'Back to live',
    replayMoment: 'Moment replayed',
  },
});
