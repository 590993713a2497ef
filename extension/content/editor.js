// Reading a field's text and changing it the way typing would, so the page's editor
// (Ember, React, the messaging composer) and the browser's undo stack see the edit.
// Offsets are UTF-16 code units, like the engine's spans and a textarea's maxlength.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE']);

  const isTextarea = (el) => el instanceof HTMLTextAreaElement;

  /**
   * Walks a contenteditable into its text and the segments that map text offsets to DOM
   * positions. Like innerText (without layout): block elements (<p>, <div>) are separated
   * by one "\n"; a <br> counts as "\n" unless it is the filler of an empty paragraph.
   * Returns { text, segs } with segs in text order:
   *   { start, len, node }  a text node
   *   { start, len: 0, block } the start of a block element
   *   { start, len: 1, br }  a <br> that counts as a line break
   */
  function walk(root) {
    let text = '';
    let needBreak = false;
    let inline = false; // text emitted since the last block boundary
    const segs = [];
    const flush = () => {
      if (needBreak) text += '\n';
      needBreak = false;
    };
    const visit = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (!child.data) continue;
          flush();
          segs.push({ start: text.length, len: child.data.length, node: child });
          text += child.data;
          inline = true;
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const tag = child.tagName;
          if (tag === 'BR') {
            const parent = child.parentNode;
            const filler = parent !== root && BLOCK.has(parent.tagName) && !child.nextSibling;
            if (!filler) {
              flush();
              segs.push({ start: text.length, len: 1, br: child });
              text += '\n';
              inline = true;
            }
          } else if (BLOCK.has(tag)) {
            if (inline) needBreak = true;
            flush();
            inline = false;
            segs.push({ start: text.length, len: 0, block: child });
            visit(child);
            needBreak = true;
            inline = false;
          } else {
            visit(child);
          }
        }
      }
    };
    visit(root);
    return { text, segs };
  }

  /** The field's text. */
  function getText(el) {
    if (isTextarea(el)) return el.value;
    return walk(el).text;
  }

  /** The DOM position { node, offset } of a UTF-16 offset in a contenteditable. */
  function domPoint(root, offset) {
    const { text, segs } = walk(root);
    const off = Math.max(0, Math.min(offset, text.length));
    let endOfText = null;
    let blockStart = null;
    let brAt = null;
    for (const s of segs) {
      if (s.start > off) break;
      if (s.node) {
        if (off < s.start + s.len) return { node: s.node, offset: off - s.start };
        if (off === s.start + s.len) endOfText = { node: s.node, offset: s.len };
      } else if (s.block && s.start === off) {
        blockStart = { node: s.block, offset: 0 };
      } else if (s.br && s.start === off) {
        const parent = s.br.parentNode;
        brAt = { node: parent, offset: Array.prototype.indexOf.call(parent.childNodes, s.br) };
      }
    }
    return endOfText || blockStart || brAt || { node: root, offset: root.childNodes.length };
  }

  /** Selects start..end (UTF-16) in the field and focuses it. */
  function select(el, start, end) {
    el.focus({ preventScroll: true });
    if (isTextarea(el)) {
      el.setSelectionRange(start, end);
      return;
    }
    const a = domPoint(el, start);
    const b = domPoint(el, end);
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const sel = el.getRootNode().getSelection?.() || window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  const nativeValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;

  /**
   * Replaces start..end with `replacement` as typing would. Returns the new text.
   * Strategy: select the range, then execCommand('insertText') (or 'delete' for an empty
   * replacement), which fires beforeinput/input like a keystroke and joins the undo stack.
   * Fallback for textareas: the native value setter plus input and change events, which
   * React/Ember listeners pick up.
   */
  function replaceRange(el, start, end, replacement) {
    const before = getText(el);
    const expected = before.slice(0, start) + replacement + before.slice(end);
    select(el, start, end);
    let done = false;
    try {
      if (replacement === '') {
        done = start === end ? true : document.execCommand('delete', false);
      } else {
        done = document.execCommand('insertText', false, replacement);
      }
    } catch {
      done = false;
    }
    if (isTextarea(el)) {
      if (!done || el.value !== expected) {
        // The editor refused (or a page listener rewrote it): set it like a framework would see.
        if (el.value !== expected) {
          nativeValue.call(el, expected);
          el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data: replacement }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
        }
      }
      const caret = start + replacement.length;
      el.setSelectionRange(caret, caret);
      return el.value;
    }
    if (!done) {
      // Contenteditable without execCommand: edit the DOM and tell the editor.
      const sel = el.getRootNode().getSelection?.() || window.getSelection();
      if (sel.rangeCount) {
        const range = sel.getRangeAt(0);
        range.deleteContents();
        if (replacement) range.insertNode(document.createTextNode(replacement));
        el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data: replacement }));
      }
    }
    // execCommand leaves the caret after the inserted text; make sure of it.
    try {
      const caret = start + replacement.length;
      if (getText(el).slice(0, caret) === expected.slice(0, caret)) select(el, caret, caret);
    } catch {
      // leave the caret where the editor put it
    }
    return getText(el);
  }

  R.editor = { walk, getText, domPoint, select, replaceRange, isTextarea };
})();
