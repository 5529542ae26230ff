/**
 * Renders a growing markdown answer into a container in time proportional to what is new: finished
 * blocks (markdownBlocks.ts) are rendered, sanitised, highlighted and decorated once and never
 * touched again; only the open block at the end is rendered again on each update. Text that is not
 * a continuation of what was shown (a regenerated answer) starts over.
 */
import { finishedBlocksEnd } from '../../chat/markdownBlocks';
import { renderMarkdown } from './markdown';

export class IncrementalMarkdown {
  private source = '';
  /** `source.slice(0, stableEnd)` is rendered as finished blocks. */
  private stableEnd = 0;
  private openNodes: ChildNode[] = [];
  /** The text the open nodes were rendered from. */
  private openSource = '';

  constructor(
    private readonly container: HTMLElement,
    /** Adds what the rendered markdown needs (code block toolbars); called once per rendered piece. */
    private readonly decorate: (fragment: DocumentFragment) => void,
  ) {}

  update(source: string): void {
    if (source === this.source) return;
    if (!source.startsWith(this.source.slice(0, this.stableEnd))) {
      this.container.replaceChildren();
      this.stableEnd = 0;
      this.openNodes = [];
      this.openSource = '';
    }
    const end = finishedBlocksEnd(source, this.stableEnd);
    const finished = source.slice(this.stableEnd, end);
    if (finished !== '' && finished === this.openSource) {
      // The open block, unchanged, is now finished: its nodes stay as they are.
      this.openNodes = [];
    } else {
      for (const node of this.openNodes) node.remove();
      if (finished !== '') this.container.append(this.render(finished));
    }
    this.stableEnd = end;
    this.openSource = source.slice(end);
    const open = this.render(this.openSource);
    this.openNodes = Array.from(open.childNodes);
    this.container.append(open);
    this.source = source;
  }

  private render(markdown: string): DocumentFragment {
    const fragment = renderMarkdown(markdown);
    this.decorate(fragment);
    return fragment;
  }
}
