/** Reads `grokCodeFast.*` and VS Code's proxy settings through the validation in settingsSchema.ts. */
import * as vscode from 'vscode';
import { parseSettings, SETTING_KEYS, SETTINGS_SECTION, type RawSettings, type Settings } from './settingsSchema';

export type { Settings } from './settingsSchema';

export function readSettings(): { settings: Settings; warnings: string[] } {
  const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const values: RawSettings['values'] = {};
  for (const key of SETTING_KEYS) values[key] = section.get(key);
  const http = vscode.workspace.getConfiguration('http');
  return parseSettings({
    values,
    httpProxy: http.get('proxy'),
    httpProxyStrictSSL: http.get('proxyStrictSSL'),
    httpProxyAuthorization: http.get('proxyAuthorization'),
    environment: process.env,
  });
}

/** Calls `listener` with fresh settings whenever one of ours or the proxy settings change. */
export function onSettingsChanged(listener: (result: { settings: Settings; warnings: string[] }) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    const ours = ['grokCodeFast', 'http.proxy', 'http.proxyStrictSSL', 'http.proxyAuthorization'].some((name) => event.affectsConfiguration(name));
    if (ours) listener(readSettings());
  });
}

/** Local analytics are stored only when both the setting and the cloud feature switch allow it. */
export function analyticsEnabled(settings: Settings): boolean {
  return settings.analytics.enabled && settings.cloud.features.analytics;
}
