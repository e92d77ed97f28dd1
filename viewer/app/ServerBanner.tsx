import { useEffect, useSyncExternalStore } from 'react';
import { checkServer } from '../api/client.ts';
import { onReachabilityChange, serverReachable } from '../api/reachability.ts';
import { useI18n } from '../i18n/index.tsx';

/** How often the page asks whether the server is back. */
const RECHECK_MS = 5000;

/** One banner while the twin server cannot be reached, asking after it until it answers, then gone by itself. */
export function ServerBanner() {
  const { t } = useI18n();
  const reachable = useSyncExternalStore(onReachabilityChange, serverReachable);
  useEffect(() => {
    if (reachable) return;
    const timer = setInterval(() => void checkServer().catch(() => undefined), RECHECK_MS);
    return () => clearInterval(timer);
  }, [reachable]);
  if (reachable) return null;
  return (
    <div className="server-banner" role="alert">
      {t('serverUnreachable')}
    </div>
  );
}
