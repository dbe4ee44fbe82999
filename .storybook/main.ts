import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      build: { ...viteConfig.build, chunkSizeWarningLimit: 4000 },
      worker: { ...viteConfig.worker, format: 'es' },
    };
  },
};

export default config;
