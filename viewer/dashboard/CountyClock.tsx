import { useEffect, useMemo, useState } from 'react';
import { localeOf, useI18n } from '../i18n/index.tsx';
import { useReplay } from '../replay/context.tsx';

/** The county's own clock: China Standard Time whatever the screen's machine is set to, as the trend's days are. */
const TIME_ZONE = 'Asia/Shanghai';

/** Date, weekday and time for the wall, ticking each second; during a replay, the moment replayed. */
export function CountyClock() {
  const { language } = useI18n();
  const { asOf } = useReplay();
  const [ticking, setNow] = useState(() => new Date());
  const now = asOf ? new Date(asOf) : ticking;
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  // Made once per language, not at every tick.
  const formats = useMemo(() => {
    const long = language === 'zh' ? 'long' : 'short';
    return {
      date: new Intl.DateTimeFormat(localeOf(language), { timeZone: TIME_ZONE, year: 'numeric', month: long, day: 'numeric', weekday: long }),
      time: new Intl.DateTimeFormat(localeOf(language), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }),
    };
  }, [language]);
  const [date, time] = [formats.date.format(now), formats.time.format(now)];
  return (
    <time className="county-clock" dateTime={now.toISOString()} data-replay={asOf !== undefined}>
      <span className="clock-time">{time}</span>
      <span className="clock-date">{date}</span>
    </time>
  );
}
