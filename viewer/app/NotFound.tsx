import { useI18n } from '../i18n/index.tsx';

/** What an address that names nothing shows: what is missing, in the interface's language, and the way back to the twin. */
export function NotFound({ missing }: { missing: 'page' | { storyboard: string } }) {
  const { t, language } = useI18n();
  const back = language === 'en' ? '/?lang=en' : '/';
  return (
    <div className="not-found panel-message" role="alert" data-missing={missing === 'page' ? 'page' : 'storyboard'}>
      <h1>{missing === 'page' ? t('pageMissing') : t('storyboardMissing', { id: missing.storyboard })}</h1>
      <a href={back}>{t('backToTwin')}</a>
    </div>
  );
}
