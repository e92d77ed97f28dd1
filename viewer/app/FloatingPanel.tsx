import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

/** A panel over the globe, opened from the top bar: its title, a close button, its content. */
export function FloatingPanel({ className, title, onClose, children }: { className: string; title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className={`floating-panel ${className}`} aria-label={title}>
      <header>
        <h2 className="panel-title">{title}</h2>
        <button type="button" className="close" title={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </section>
  );
}
