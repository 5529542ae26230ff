/** Reads `grokCodeFast.*` and VS Code's proxy settings through the validation in settingsSchema.ts. */
import * as vscode from 'vscode';
import { GUARD_SETTINGS, guardedValue, isGuardKey } from './guardSettings';
import { parseSettings, SETTING_KEYS, SETTINGS_SECTION, settingIsValid, type RawSettings, type Settings } from './settingsSchema';

export type { Settings } from './settingsSchema';

/** The user's value only (undefined: the default): a workspace cannot set where requests go. */
function userValue(section: vscode.WorkspaceConfiguration, key: string): unknown {
  return section.inspect(key)?.globalValue;
}

/**
 * The exclude globs: the user's (or the default) plus any a workspace adds. A workspace can exclude
 * more files, never fewer, so a repository cannot unmask its `.env`.
 */
function excludeGlobs(section: vscode.WorkspaceConfiguration): unknown {
  const inspected = section.inspect<unknown>('exclude');
  const base = inspected?.globalValue ?? inspected?.defaultValue;
  const added = [inspected?.workspaceValue, inspected?.workspaceFolderValue].filter(Array.isArray).flat();
  return Array.isArray(base) ? [...base, ...added] : base;
}

export function readSettings(): { settings: Settings; warnings: string[] } {
  const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const values: RawSettings['values'] = {};
  for (const key of SETTING_KEYS) {
    // Guard settings (where requests go, limits, cost records) follow their rule in guardSettings.ts.
    if (isGuardKey(key)) values[key] = guardedValue(GUARD_SETTINGS[key], section.inspect(key), (value) => settingIsValid(key, value));
    else values[key] = key === 'exclude' ? excludeGlobs(section) : section.get(key);
  }
  // The proxy decides where requests go too: VS Code's user value only.
  const http = vscode.workspace.getConfiguration('http');
  return parseSettings({
    values,
    httpProxy: userValue(http, 'proxy'),
    httpProxyStrictSSL: userValue(http, 'proxyStrictSSL'),
    httpProxyAuthorization: userValue(http, 'proxyAuthorization'),
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
