/**
 * The name of the settings file that the CLI and the server look for above each document (core/config.ts
 * reads its content). A module of its own, without imports, so that the browser client can name it
 * (client/src/settingsPrefetch.ts) without bundling the rest.
 */
export const CONFIG_FILE = '.kamervraag.json';
