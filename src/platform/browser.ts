/**
 * The single seam to the WebExtension API. Everything else imports `browser` from here (never from
 * webextension-polyfill or the `chrome` global directly), so unit tests can replace this module and browser
 * differences have one home.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Menus, Runtime, Tabs } from 'webextension-polyfill';
