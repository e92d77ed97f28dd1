import { useI18n } from '../i18n/index.tsx';

/** The button in a panel's header that folds the panel to its title and opens it again. */
export function CollapseToggle({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="collapse-toggle" aria-expanded={!collapsed} title={collapsed ? t('expand') : t('collapse')} aria-label={collapsed ? t('expand') : t('collapse')} onClick={onToggle}>
      {collapsed ? '▸' : '▾'}
    </button>
  );
}
