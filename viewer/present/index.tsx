import './present.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Catalog, StoryboardEntry } from '../../layers/index.ts';
import { CatalogPending } from '../catalog/CatalogPending.tsx';
import type { CatalogState } from '../catalog/useCatalog.ts';
import { NotFound } from '../app/NotFound.tsx';
import { SceneAnalysis } from '../analysis/SceneAnalysis.tsx';
import { SceneMoment } from '../replay/SceneMoment.tsx';
import { SceneRelief } from './SceneRelief.tsx';
import { TwinProviders } from '../app/TwinProviders.tsx';
import { Dashboard } from '../dashboard/index.tsx';
import { IncidentTicker } from '../dashboard/IncidentTicker.tsx';
import { Globe } from '../globe/index.tsx';
import { SymbolScaleProvider, useWindowSymbolScale } from '../globe/symbolScale.tsx';
import { type Language, useI18n } from '../i18n/index.tsx';
import { CatalogLayers } from '../layers/CatalogLayers.tsx';
import { useLayerStatus } from '../layers/useLayerStatus.ts';
import { parseViewState } from '../url-state/viewState.ts';
import { type PlayerCommand, useKioskFullscreen, usePresenterKeys, useStoryboard, useStoryboardPlayer } from './hooks.ts';
import { PlayerIcon } from './PlayerIcon.tsx';
import { SceneCamera } from './SceneCamera.ts';
import { useTownshipFocus } from './useTownshipFocus.ts';

const ignoreCamera = () => undefined;

/** The township the dashboard is narrowed to, kept in the address (`?township=`) so a wall PC starts on it. */
function useTownshipScope(): [string | undefined, (township: string | undefined) => void] {
  const [township, setTownship] = useState(() => new URLSearchParams(window.location.search).get('township') ?? undefined);
  const scopeTo = useCallback((next: string | undefined) => {
    const url = new URL(window.location.href);
    if (next === undefined) url.searchParams.delete('township');
    else url.searchParams.set('township', next);
    window.history.replaceState(null, '', url);
    setTownship(next);
  }, []);
  return [township, scopeTo];
}

/** The story stops while `held` (a township drilled into holds the camera) and plays on after, if it was playing. */
function useStoryHeldWhile(held: boolean, playing: boolean, act: (type: PlayerCommand) => void): void {
  const resume = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only holding and letting go act; playing is read at that moment.
  useEffect(() => {
    if (held) {
      resume.current = playing;
      if (playing) act('pause');
    } else if (resume.current) {
      resume.current = false;
      act('play');
    }
  }, [held, act]);
}

/**
 * A storyboard on the big screen (`/present/{id}`): its scenes one after another over the
 * globe, with captions and the live dashboard beside them. `?kiosk` plays it full screen, on a
 * loop, with no controls.
 */
export function Presentation({ catalog, error, retry, storyboardId, kiosk }: CatalogState & { storyboardId: string; kiosk: boolean }) {
  const [language, setLanguage] = useState<Language>(() => parseViewState(window.location.search).language);
  useKioskFullscreen(kiosk);
  return (
    <TwinProviders language={language} catalog={catalog} heat={kiosk}>
      <PresentationPage
        catalog={catalog}
        error={error}
        retry={retry}
        storyboardId={storyboardId}
        kiosk={kiosk}
        onSwitchLanguage={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
      />
    </TwinProviders>
  );
}

function PresentationPage({ catalog, error, retry, storyboardId, kiosk, onSwitchLanguage }: CatalogState & { storyboardId: string; kiosk: boolean; onSwitchLanguage: () => void }) {
  const loaded = useStoryboard(storyboardId);
  if (loaded.missing) return <NotFound missing={{ storyboard: storyboardId }} />;
  if (catalog && loaded.storyboard) return <Show catalog={catalog} storyboard={loaded.storyboard} kiosk={kiosk} onSwitchLanguage={onSwitchLanguage} />;
  return (
    <div className="presentation" data-presentation="pending">
      <CatalogPending error={error ?? loaded.error} onRetry={retry} />
    </div>
  );
}

function Show({ catalog, storyboard, kiosk, onSwitchLanguage }: { catalog: Catalog; storyboard: StoryboardEntry; kiosk: boolean; onSwitchLanguage: () => void }) {
  const { pick } = useI18n();
  const { state, scene, act, viewDrawn } = useStoryboardPlayer(storyboard, kiosk);
  usePresenterKeys(act, state.playing);
  const { report } = useLayerStatus();
  const visible = useMemo(() => new Set(scene.layers), [scene]);
  const symbolScale = useWindowSymbolScale();
  const [township, scopeTo] = useTownshipScope();
  useTownshipFocus(township);
  useStoryHeldWhile(township !== undefined, state.playing, act);
  return (
    <div
      className={kiosk ? 'presentation kiosk' : 'presentation'}
      data-presentation="ready"
      data-scene-index={state.index}
      data-playing={state.playing}
      data-view-drawn={state.viewDrawn}
      data-loop={state.loop}
    >
      <div className="presentation-stage">
        <Globe initialCamera={storyboard.scenes[0]!.camera} onCameraChange={ignoreCamera} tools={!kiosk}>
          <SymbolScaleProvider value={symbolScale}>
            <CatalogLayers catalog={catalog} visible={visible} onStatus={report} />
          </SymbolScaleProvider>
          <SceneCamera camera={scene.camera} durationSeconds={scene.durationSeconds} onViewDrawn={viewDrawn} held={township !== undefined} />
          <SceneAnalysis id={scene.analysis} />
          <SceneMoment asOf={scene.asOf} />
          <SceneRelief exaggeration={scene.exaggeration} />
        </Globe>
        <header className="presentation-title">
          <h1>{pick(storyboard.title)}</h1>
          <p className="scene-title">
            <span className="scene-count">
              {state.index + 1} / {storyboard.scenes.length}
            </span>
            {pick(scene.title)}
          </p>
        </header>
        <IncidentTicker />
        {scene.caption && township === undefined && (
          <p className="scene-caption" key={state.index}>
            {pick(scene.caption)}
          </p>
        )}
        {!kiosk && <PlayerControls playing={state.playing} loop={state.loop} act={act} onSwitchLanguage={onSwitchLanguage} />}
      </div>
      <Dashboard township={township} onScope={scopeTo} />
    </div>
  );
}

function PlayerControls({ playing, loop, act, onSwitchLanguage }: { playing: boolean; loop: boolean; act: (type: PlayerCommand) => void; onSwitchLanguage: () => void }) {
  const { t } = useI18n();
  return (
    <nav className="player-controls" aria-label={t('player')}>
      <button type="button" data-command="previous" title={t('player.previous')} onClick={() => act('previous')}>
        <PlayerIcon name="previous" />
      </button>
      <button type="button" data-command={playing ? 'pause' : 'play'} title={t(playing ? 'player.pause' : 'player.play')} onClick={() => act(playing ? 'pause' : 'play')}>
        <PlayerIcon name={playing ? 'pause' : 'play'} />
      </button>
      <button type="button" data-command="next" title={t('player.next')} onClick={() => act('next')}>
        <PlayerIcon name="next" />
      </button>
      <button type="button" data-command="toggle-loop" aria-pressed={loop} title={t('player.loop')} onClick={() => act('toggle-loop')}>
        <PlayerIcon name="loop" />
      </button>
      <button type="button" className="language-switch" title={t('languageTitle')} onClick={onSwitchLanguage}>
        {t('language')}
      </button>
      <a href="/" className="player-exit">
        {t('player.exit')}
      </a>
    </nav>
  );
}
