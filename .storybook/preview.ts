import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from '../custom-elements.json';
import { setLocale } from '../src/localization.js';
import { themes } from '../stories/themes.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  globalTypes: {
    theme: {
      description: 'Theme: the default, two partners’ white labels, or dark',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: Object.entries(themes).map(([value, theme]) => ({ value, title: theme.title })), dynamicTitle: true },
    },
    locale: {
      description: 'Language of the elements',
      toolbar: { title: 'Language', icon: 'globe', items: [{ value: 'en', title: 'English' }, { value: 'es', title: 'Español' }], dynamicTitle: true },
    },
    direction: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: [{ value: 'ltr', title: 'Left to right' }, { value: 'rtl', title: 'Right to left' }], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'default', locale: 'en', direction: 'ltr' },
  loaders: [async ({ globals }) => ({ locale: await setLocale(String(globals['locale'] ?? 'en')) })],
  decorators: [
    (story, { globals }) => {
      const theme = themes[String(globals['theme'] ?? 'default')] ?? themes['default']!;
      const style = { ...theme.tokens, background: theme.background, color: theme.color, padding: '1rem' };
      return html`<div dir=${globals['direction'] === 'rtl' ? 'rtl' : 'ltr'} lang=${String(globals['locale'] ?? 'en')} style=${styleMap(style)}>${story()}</div>`;
    },
  ],
};

export default preview;
