import { browser } from 'wxt/browser';
import { createWebExtContext } from '@/utils/background/context';
import { wireBackground } from '@/utils/background/wire';
import { createBrowserPorts } from '@/utils/browser-data/browser-port';

export default defineBackground(() => {
  wireBackground(createWebExtContext(browser, createBrowserPorts(browser as never)), browser);
});
