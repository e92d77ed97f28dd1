import './about.css';
import type { Catalog } from '../../layers/index.ts';
import { FloatingPanel } from '../app/FloatingPanel.tsx';
import { useI18n } from '../i18n/index.tsx';
import { globeImageryCredit, softwareCredits } from './credits.ts';

/**
 * Who made what the twin shows: the software it runs on and, for each layer, its department,
 * source and licence. It stands in for Cesium's credit bar, which the twin does not show: none of
 * its data comes from Cesium ion.
 */
export function AboutPanel({ catalog, onClose }: { catalog: Catalog; onClose: () => void }) {
  const { t, pick } = useI18n();
  return (
    <FloatingPanel className="about-panel" title={t('aboutHeading')} onClose={onClose}>
      <p>{t('aboutIntro')}</p>
      <h3>{t('aboutSoftware')}</h3>
      <table className="about-software">
        <tbody>
          {softwareCredits.map((credit) => (
            <tr key={credit.name} data-package={credit.name}>
              <th>{credit.name}</th>
              <td>{pick(credit.role)}</td>
              <td className="about-licence">{credit.licence}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('aboutData')}</h3>
      <table className="about-data">
        <tbody>
          {catalog.layers.map((layer) => (
            <tr key={layer.id} data-layer-id={layer.id}>
              <th>{pick(layer.title)}</th>
              <td>
                {pick(layer.metadata.department)} · {layer.metadata.sourceSystem}
              </td>
              <td className="about-licence">{layer.metadata.licence}</td>
            </tr>
          ))}
          <tr data-layer-id="globe">
            <th>{t('aboutGlobe')}</th>
            <td>{globeImageryCredit.name}</td>
            <td className="about-licence">{pick(globeImageryCredit.licence)}</td>
          </tr>
        </tbody>
      </table>
    </FloatingPanel>
  );
}
