import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';

/** The county's own clock: China Standard Time whatever the screen's machine is set to, as the trend's days are. */
const TIME_ZONE = 'Asia/Shanghai';

/** Date, weekday and time for the wall, ticking each second. */
export function CountyClock() {
  const { language } = useI18n();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const long = language === 'zh' ? 'long' : 'short';
  const date = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, year: 'numeric', month: long, day: 'numeric', weekday: long }).format(now);
  const time = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(now);
  return (
    <time className="county-clock" dateTime={now.toISOString()}>
      <span className="clock-time">{time}</span>
      <span className="clock-date">{date}</span>
    </time>
  );
}
