import '../app/app.css';
import './lite.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LiteApp } from './index.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LiteApp />
  </StrictMode>,
);
