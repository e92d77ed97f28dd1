import './storyboards.css';
import { useState } from 'react';
import type { CameraView, Catalog, StoryboardEntry } from '../../layers/index.ts';
import { ANALYSIS_PARAM } from '../analysis/index.tsx';
import { FloatingPanel } from '../app/FloatingPanel.tsx';
import { presentationPath } from '../app/route.ts';
import { problemMessage } from '../api/problemMessage.ts';
import { TokenPrompt, refusedToken, useOperatorToken } from '../auth/TokenPrompt.tsx';
import { useI18n } from '../i18n/index.tsx';
import { linkParam } from '../url-state/linkParam.ts';
import { type SceneForm, saveScene, sceneOf, useStoryboardList } from './hooks.ts';

const NEW = '(new)';

/** The storyboards to present (in the window or on a kiosk screen), and "save this view as a scene". */
export function StoryboardPanel({ catalog, camera, visibleLayers, onClose }: { catalog: Catalog; camera: CameraView | undefined; visibleLayers: ReadonlySet<string>; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { storyboards, error, reload } = useStoryboardList();
  return (
    <FloatingPanel className="storyboard-panel" title={t('storyboards')} onClose={onClose}>
      {error && (
        <p className="panel-error" role="alert">
          {error}
        </p>
      )}
      <ul className="storyboard-list">
        {storyboards?.map((storyboard) => (
          <li key={storyboard.id} data-storyboard-id={storyboard.id}>
            <span className="storyboard-title">{pick(storyboard.title)}</span>
            <span className="storyboard-meta">
              {t('scenes', { count: storyboard.scenes.length })} · {t(storyboard.origin === 'catalog' ? 'origin.catalog' : 'origin.saved')}
            </span>
            <a href={presentationPath(storyboard.id)}>{t('present')}</a>
            <a href={presentationPath(storyboard.id, true)} target="_blank" rel="noreferrer">
              {t('kiosk')}
            </a>
          </li>
        ))}
      </ul>
      <SaveViewForm saved={storyboards?.filter((s) => s.origin === 'saved') ?? []} camera={camera ?? catalog.initialView} visibleLayers={visibleLayers} onSaved={reload} />
    </FloatingPanel>
  );
}

function SaveViewForm({ saved, camera, visibleLayers, onSaved }: { saved: StoryboardEntry[]; camera: CameraView; visibleLayers: ReadonlySet<string>; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const { token, remember } = useOperatorToken();
  const [target, setTarget] = useState(NEW);
  const [newTitle, setNewTitle] = useState('');
  const [title, setTitle] = useState('');
  const [caption, setCaption] = useState('');
  const [seconds, setSeconds] = useState(10);
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  if (!token) {
    return (
      <div className="save-view">
        <h3>{t('saveView')}</h3>
        <TokenPrompt onToken={remember} />
      </div>
    );
  }
  const submit = async () => {
    if (!title.trim() || (target === NEW && !newTitle.trim())) return setMessage({ text: t('saveViewNeedsTitles'), failed: true });
    const form: SceneForm = { target: target === NEW ? { newTitle } : { storyboardId: target }, title, caption, durationSeconds: seconds };
    try {
      // The analysis open in the viewer (its link) plays in the scene too.
      const storyboard = await saveScene(form, sceneOf(form, camera, visibleLayers, linkParam(ANALYSIS_PARAM)), token);
      setTarget(storyboard.id);
      setTitle('');
      setCaption('');
      setMessage({ text: `${t('saved', { title: pick(storyboard.title) })} · ${t('scenes', { count: storyboard.scenes.length })}`, failed: false });
      onSaved();
    } catch (error) {
      setMessage({ text: problemMessage(error, t), failed: true });
      if (refusedToken(error)) remember(undefined);
    }
  };
  return (
    <form
      className="save-view"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>{t('saveView')}</h3>
      <label>
        {t('storyboard')}
        <select className="panel-field" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value={NEW}>{t('newStoryboard')}</option>
          {saved.map((storyboard) => (
            <option key={storyboard.id} value={storyboard.id}>
              {pick(storyboard.title)}
            </option>
          ))}
        </select>
      </label>
      {target === NEW && (
        <label>
          {t('storyboardTitle')}
          <input className="panel-field" name="storyboard-title" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} />
        </label>
      )}
      <label>
        {t('sceneTitle')}
        <input className="panel-field" name="scene-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        {t('sceneCaption')}
        <input className="panel-field" name="scene-caption" value={caption} onChange={(e) => setCaption(e.target.value)} />
      </label>
      <label>
        {t('sceneSeconds')}
        <input className="panel-field" name="scene-seconds" type="number" min={2} max={600} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} />
      </label>
      <button type="submit" className="panel-field">{t('saveViewButton')}</button>
      {message && (
        <p className={message.failed ? 'panel-error' : 'save-view-done'} role={message.failed ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
