/**
 * The themes of Storybook's toolbar: the default look, two partners' white labels (their own brand
 * name in the template, colours and font) and a dark scheme. Each is nothing but the elements'
 * documented CSS custom properties, as a partner site would set them on a wrapper.
 */
export interface Theme {
  title: string;
  /** The brand in the template's first header. */
  brand: string;
  /** The page behind the elements. */
  background: string;
  color: string;
  tokens: Record<string, string>;
}

const palette = (prefixes: string[], values: Record<string, string>) =>
  Object.fromEntries(prefixes.flatMap((prefix) => Object.entries(values).map(([name, value]) => [`--${prefix}-${name}`, value])));

const all = ['bulk-upload', 'invite-accept-form'];

export const themes: Record<string, Theme> = {
  default: { title: 'Default', brand: 'iPlum', background: '#ffffff', color: '#1f2937', tokens: {} },
  acme: {
    title: 'Acme (partner)',
    brand: 'Acme',
    background: '#f6fbf7',
    color: '#14281d',
    tokens: {
      ...palette(all, { 'accent-color': '#0f6b3a', 'text-color': '#14281d', 'surface-color': '#f6fbf7', radius: '2px', 'font-family': 'Georgia, "Times New Roman", serif' }),
      '--row-error-table-accent-color': '#0f6b3a',
      '--row-error-table-focus-color': '#0f6b3a',
      '--row-error-table-text-color': '#14281d',
      '--row-error-table-background': '#f6fbf7',
      '--row-error-table-font-family': 'Georgia, "Times New Roman", serif',
    },
  },
  globex: {
    title: 'Globex (partner)',
    brand: 'Globex',
    background: '#faf7ff',
    color: '#2e1065',
    tokens: {
      ...palette(all, { 'accent-color': '#6d28d9', 'text-color': '#2e1065', 'surface-color': '#faf7ff', radius: '16px', 'font-family': '"Trebuchet MS", Verdana, sans-serif' }),
      '--row-error-table-accent-color': '#6d28d9',
      '--row-error-table-focus-color': '#6d28d9',
      '--row-error-table-text-color': '#2e1065',
      '--row-error-table-background': '#faf7ff',
      '--row-error-table-font-family': '"Trebuchet MS", Verdana, sans-serif',
    },
  },
  dark: {
    title: 'Dark',
    brand: 'iPlum',
    background: '#111827',
    color: '#e5e7eb',
    tokens: {
      ...palette(all, {
        'accent-color': '#93c5fd',
        'accent-text-color': '#0b1220',
        'text-color': '#e5e7eb',
        'muted-color': '#9ca3af',
        'surface-color': '#111827',
        'border-color': '#9ca3af',
        'error-color': '#fca5a5',
        'success-color': '#86efac',
      }),
      '--row-error-table-text-color': '#e5e7eb',
      '--row-error-table-background': '#111827',
      '--row-error-table-border-color': '#4b5563',
      '--row-error-table-error-color': '#fca5a5',
      '--row-error-table-warning-color': '#fcd34d',
      '--row-error-table-success-color': '#86efac',
      '--row-error-table-header-background': '#1f2937',
      '--row-error-table-accent-color': '#93c5fd',
      '--row-error-table-button-background': '#1f2937',
      '--row-error-table-focus-color': '#93c5fd',
    },
  },
};

/** The brand of the theme chosen in the toolbar. */
export const brandOf = (globals: Record<string, unknown>): string => themes[String(globals['theme'] ?? 'default')]?.brand ?? 'iPlum';
