/**
 * @module Lantern's Questionnaire renderer on its own, without the app around it: the page the
 * LHC-Forms parity test and the render benchmark load. `window.lanternRenderer.render(q, el, lang)`
 * mounts the form; the completed QuestionnaireResponse lands in `window.lanternRenderer.response`.
 */
import { createRoot } from 'react-dom/client';
import type { Translate } from '../../platform/i18n/format.ts';
import en from '../../../content/i18n/recognize/en.json' with { type: 'json' };
import es from '../../../content/i18n/recognize/es.json' with { type: 'json' };
import { QuestionnaireForm, type FormLayout } from './questionnaire-form.tsx';
import './recognize.css';

interface StandaloneRenderer {
  render(questionnaire: fhir4.Questionnaire, element: HTMLElement, language?: string, layout?: FormLayout): void;
  response?: fhir4.QuestionnaireResponse;
}

const catalogs: Record<string, Record<string, string>> = { en, es };

/**
 * The renderer's own words with simple `{name}` arguments: the app formats with ICU MessageFormat,
 * but the renderer's messages need no plurals, so the page ships only Recognize's catalogs.
 */
function createRendererTranslator(language: string): Translate {
  const catalog: Record<string, string> = catalogs[language.toLowerCase().split('-')[0] ?? 'en'] ?? en;
  const fallback: Record<string, string> = en;
  return (key, values) => (catalog[key] ?? fallback[key] ?? key).replace(/\{(\w+)\}/g, (_: string, name: string) => String(values?.[name] ?? ''));
}

const renderer: StandaloneRenderer = {
  render(questionnaire, element, language = 'en', layout = 'all') {
    const t = createRendererTranslator(language);
    createRoot(element).render(
      <QuestionnaireForm questionnaire={questionnaire} language={language} layout={layout} t={t} submitLabel={t('recognize.form.finish')}
        onSubmit={(response) => { renderer.response = response; }} />,
    );
  },
};

(window as unknown as { lanternRenderer: StandaloneRenderer }).lanternRenderer = renderer;
