/**
 * The shared shortcut table as both hosts use it: the shortcuts found open in the browser host are
 * blocked, the browser bridge's DOM-shaped keydown gives the same answer as Electron's input, and
 * the Electron key filter is that same table.
 */
import { describe, expect, it } from 'vitest';
import { blockedShortcut as electronTable } from '../../../../main/host/electron/key-filter.ts';
import { blockedKeyDown, blockedShortcut, type DomKeyEvent } from '../../../../preload/contract/shortcuts.ts';

type Mods = Partial<Pick<DomKeyEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'isComposing'>>;
const down = (key: string, mods: Mods = {}, code = ''): DomKeyEvent => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  isComposing: false,
  ...mods,
});
const ctrl = { ctrlKey: true };
const ctrlShift = { ctrlKey: true, shiftKey: true };

const attack: [string, DomKeyEvent][] = [
  ['F12', down('F12')],
  ['Ctrl+Shift+I', down('I', ctrlShift)],
  ['Ctrl+Shift+J', down('J', ctrlShift)],
  ['Ctrl+Shift+C', down('C', ctrlShift)],
  ['Ctrl+U', down('u', ctrl)],
  ['Ctrl+P', down('p', ctrl)],
  ['Ctrl+S', down('s', ctrl)],
  ['Ctrl+O', down('o', ctrl)],
  ['Ctrl+H', down('h', ctrl)],
  ['Ctrl+J', down('j', ctrl)],
  ['Ctrl+F', down('f', ctrl)],
  ['Ctrl+G', down('g', ctrl)],
  ['F3', down('F3')],
  ['Ctrl+N', down('n', ctrl)],
  ['Ctrl+T', down('t', ctrl)],
  ['Ctrl+W', down('w', ctrl)],
  ['F5', down('F5')],
  ['Ctrl+R', down('r', ctrl)],
  ['F11', down('F11')],
  ['Alt+Left', down('ArrowLeft', { altKey: true })],
  ['Alt+Right', down('ArrowRight', { altKey: true })],
  ['Ctrl++', down('+', ctrlShift, 'Equal')],
  ['Ctrl+-', down('-', ctrl, 'Minus')],
  ['Ctrl+0', down('0', ctrl, 'Digit0')],
  ['Ctrl+numpad +', down('+', ctrl, 'NumpadAdd')],
];

describe('the browser bridge cancels every shortcut of the attack', () => {
  it.each(attack)('%s', (_name, event) => {
    expect(blockedKeyDown(event)).toBeDefined();
  });
});

describe('typing passes the bridge', () => {
  it.each([
    ['a', down('a')],
    ['f', down('f')],
    ['Shift+J', down('J', { shiftKey: true })],
    ['Ctrl+C', down('c', ctrl)],
    ['Ctrl+V', down('v', ctrl)],
    ['ArrowLeft', down('ArrowLeft')],
    ['Backspace', down('Backspace')],
    ['IME composing with Ctrl held', down('f', { ctrlKey: true, isComposing: true })],
  ])('%s', (_name, event) => {
    expect(blockedKeyDown(event)).toBeUndefined();
  });
});

describe('one table for both hosts', () => {
  it('is what the Electron key filter uses', () => {
    expect(electronTable).toBe(blockedShortcut);
  });
  it('keeps Ctrl+Cmd+F as full screen, not find', () => {
    expect(blockedKeyDown(down('f', { ctrlKey: true, metaKey: true }))).toBe('fullscreen');
  });
});
