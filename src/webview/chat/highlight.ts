/**
 * Syntax highlighting with highlight.js core and a fixed set of common languages (the full build
 * would triple the bundle; CSS, PHP, Ruby, Kotlin and Swift were left out to keep chat.js near
 * 250 KB). No auto-detection: a fence without a known language stays plain.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const LANGUAGES = { bash, c, cpp, csharp, diff, go, java, javascript, json, markdown, python, rust, sql, typescript, xml, yaml };
for (const [name, definition] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, definition);

/** The fence's first word when highlight.js knows it (aliases like `ts`, `py`, `sh` included). */
export function knownLanguage(info: string): string | undefined {
  const name = info.trim().split(/\s+/)[0] ?? '';
  return name !== '' && hljs.getLanguage(name) !== undefined ? name : undefined;
}

/** Highlighted, HTML-escaped markup for `code`, or '' to let the caller escape it plainly. */
export function highlightToHtml(code: string, info: string): string {
  const language = knownLanguage(info);
  if (language === undefined) return '';
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
