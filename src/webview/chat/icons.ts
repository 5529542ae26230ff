/**
 * The handful of 16x16 icons the panel uses, drawn in the spirit of codicons and built as SVG DOM
 * nodes (no icon font to ship, nothing for the CSP to allow). They take the text colour.
 */
const PATHS = {
  send: 'M1.7 1.2L15 8 1.7 14.8 3.4 8zm2.5 7.3l-1.1 4.5L12.6 8 3.1 3l1.1 4.5H9v1z',
  stop: 'M3.5 3.5h9v9h-9z',
  add: 'M7.5 2h1v5.5H14v1H8.5V14h-1V8.5H2v-1h5.5z',
  history:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm0 1a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11zM7.5 4h1v3.7l2.6 1.5-.5.9-3.1-1.8z',
  trash: 'M6 1.5h4v1h3.5v1h-1l-.7 11H4.2l-.7-11h-1v-1H6zm-1.5 2l.6 10h5.8l.6-10zm2 2h1v6h-1zm2 0h1v6h-1z',
  copy: 'M4 4V1.5h10.5V12H12v2.5H1.5V4zm1 0h7v7h1.5V2.5H5zM2.5 5v8.5h8.5V5z',
  insert: 'M7.5 1.5h1v7.8l2.6-2.6.7.7L8 11.2 4.2 7.4l.7-.7 2.6 2.6zM2 13h12v1H2z',
  apply: 'M13.6 3.6l.8.8L6 12.8 1.6 8.4l.8-.8L6 11.2z',
  newFile: 'M3 1.5h6.2L13 5.3v9.2H3zm1 1v11h8V6H8.5V2.5zm5.5.7V5h1.8zM7.5 7.5h1v2h2v1h-2v2h-1v-2h-2v-1h2z',
  regenerate: 'M13 8a5 5 0 1 1-1.5-3.6V2.5h1v3.5H9v-1h2A4 4 0 1 0 12 8z',
  close: 'M4.1 3.4L8 7.3l3.9-3.9.7.7L8.7 8l3.9 3.9-.7.7L8 8.7l-3.9 3.9-.7-.7L7.3 8 3.4 4.1z',
  file: 'M3 1.5h6.2L13 5.3v9.2H3zm1 1v11h8V6H8.5V2.5z',
  selection: 'M2 3h12v1H2zm0 3h8v1H2zm0 3h12v1H2zm0 3h6v1H2z',
  key: 'M10.5 1.5a4 4 0 0 0-3.8 5.3L1.5 12v2.5H4V13h1.5v-1.5H7l1.2-1.2a4 4 0 1 0 2.3-8.8zm0 1a3 3 0 1 1 0 6 3 3 0 0 1 0-6zm1 1.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2z',
  tool: 'M9 1L3 9h4l-1 6 6-8H8z',
  mention:
    'M8 1.5a6.5 6.5 0 1 0 3.3 12.1l-.5-.9A5.5 5.5 0 1 1 13.5 8v.7c0 .8-.6 1.3-1.2 1.3s-1.3-.5-1.3-1.3V5h-1v.6A3 3 0 1 0 10.3 10a2.2 2.2 0 0 0 4.2-1.3V8A6.5 6.5 0 0 0 8 1.5zm0 4.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4z',
  wrap: 'M2 3h12v1H2zm0 4h9.5a2.5 2.5 0 0 1 0 5H9v1.6L6.4 11.5 9 9.4V11h2.5a1.5 1.5 0 0 0 0-3H2zm0 4h3v1H2z',
  shield: 'M8 1l6 2.2V8c0 3.2-2.5 5.8-6 7-3.5-1.2-6-3.8-6-7V3.2zm0 1.1L3 3.9V8c0 2.6 2 4.8 5 5.9 3-1.1 5-3.3 5-5.9V3.9z',
} as const;

export type IconName = keyof typeof PATHS;

const SVG_NS = 'http://www.w3.org/2000/svg';

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill-rule', 'evenodd');
  svg.append(path);
  return svg;
}
