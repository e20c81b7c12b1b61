import { describe, expect, it } from 'vitest';
import {
  attachAppCommandFilter,
  attachKeyFilter,
  blockedShortcut,
  isBlockedAppCommand,
  type KeyInput,
} from '../../../../main/host/electron/key-filter.ts';
import { FakeWebContents, fakeEvent } from './fake-electron.ts';

type Mods = Partial<Pick<KeyInput, 'control' | 'meta' | 'alt' | 'shift' | 'isComposing'>>;
const key = (name: string, mods: Mods = {}, code = ''): KeyInput => ({
  key: name,
  code,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

const blocked: [string, KeyInput, string][] = [
  ['F5', key('F5'), 'reload'],
  ['Shift+F5', key('F5', { shift: true }), 'reload'],
  ['Ctrl+R', key('r', { control: true }), 'reload'],
  ['Ctrl+Shift+R', key('R', { control: true, shift: true }), 'reload'],
  ['Cmd+R', key('r', { meta: true }), 'reload'],
  ['BrowserRefresh key', key('BrowserRefresh'), 'reload'],
  ['F12', key('F12'), 'devtools'],
  ['Ctrl+Shift+I', key('I', { control: true, shift: true }), 'devtools'],
  ['Ctrl+Shift+J', key('J', { control: true, shift: true }), 'devtools'],
  ['Ctrl+Shift+C', key('C', { control: true, shift: true }), 'devtools'],
  ['Cmd+Alt+I', key('i', { meta: true, alt: true }), 'devtools'],
  ['Ctrl+U', key('u', { control: true }), 'view-source'],
  ['Ctrl+P', key('p', { control: true }), 'print'],
  ['Cmd+P', key('p', { meta: true }), 'print'],
  ['Ctrl+W', key('w', { control: true }), 'close'],
  ['Ctrl+Shift+W', key('W', { control: true, shift: true }), 'close'],
  ['Ctrl+F4', key('F4', { control: true }), 'close'],
  ['Alt+F4', key('F4', { alt: true }), 'close'],
  ['Cmd+Q', key('q', { meta: true }), 'close'],
  ['Ctrl+Q', key('q', { control: true }), 'close'],
  ['Ctrl++', key('+', { control: true, shift: true }, 'Equal'), 'zoom'],
  ['Ctrl+=', key('=', { control: true }, 'Equal'), 'zoom'],
  ['Ctrl+-', key('-', { control: true }, 'Minus'), 'zoom'],
  ['Ctrl+0', key('0', { control: true }, 'Digit0'), 'zoom'],
  ['Ctrl+numpad +', key('+', { control: true }, 'NumpadAdd'), 'zoom'],
  ['Ctrl+numpad -', key('-', { control: true }, 'NumpadSubtract'), 'zoom'],
  ['Cmd+=', key('=', { meta: true }, 'Equal'), 'zoom'],
  ['ZoomIn key', key('ZoomIn'), 'zoom'],
  ['Alt+Left', key('ArrowLeft', { alt: true }), 'history'],
  ['Alt+Right', key('ArrowRight', { alt: true }), 'history'],
  ['Alt+Home', key('Home', { alt: true }), 'history'],
  ['Cmd+[', key('[', { meta: true }), 'history'],
  ['Cmd+]', key(']', { meta: true }), 'history'],
  ['Cmd+Left', key('ArrowLeft', { meta: true }), 'history'],
  ['BrowserBack key', key('BrowserBack'), 'history'],
  ['BrowserForward key', key('BrowserForward'), 'history'],
  ['F11', key('F11'), 'fullscreen'],
  ['Ctrl+Cmd+F', key('f', { control: true, meta: true }), 'fullscreen'],
  ['Ctrl+O', key('o', { control: true }), 'file'],
  ['Ctrl+S', key('s', { control: true }), 'file'],
  ['Ctrl+N', key('n', { control: true }), 'window'],
  ['Ctrl+T', key('t', { control: true }), 'window'],
  ['Cmd+H', key('h', { meta: true }), 'window'],
  ['Cmd+M', key('m', { meta: true }), 'window'],
];

const typing: [string, KeyInput][] = [
  ['a', key('a')],
  ['Shift+A', key('A', { shift: true })],
  ['r (no modifier)', key('r')],
  ['p (no modifier)', key('p')],
  ['0', key('0', {}, 'Digit0')],
  ['-', key('-', {}, 'Minus')],
  ['=', key('=', {}, 'Equal')],
  ['+ (numpad)', key('+', {}, 'NumpadAdd')],
  ['Backspace', key('Backspace')],
  ['Delete', key('Delete')],
  ['Enter', key('Enter')],
  ['Space', key(' ')],
  ['Tab', key('Tab')],
  ['Escape', key('Escape')],
  ['ArrowLeft', key('ArrowLeft')],
  ['ArrowRight', key('ArrowRight')],
  ['Shift+ArrowLeft (select)', key('ArrowLeft', { shift: true })],
  ['Ctrl+ArrowLeft (word jump)', key('ArrowLeft', { control: true })],
  ['Home', key('Home')],
  ['Ctrl+A', key('a', { control: true })],
  ['Ctrl+C', key('c', { control: true })],
  ['Ctrl+V', key('v', { control: true })],
  ['Ctrl+X', key('x', { control: true })],
  ['Ctrl+Z', key('z', { control: true })],
  ['Ctrl+Backspace (delete word)', key('Backspace', { control: true })],
  ['Hangul', key('한')],
  ['Chinese character', key('中')],
  ['Cyrillic', key('ж')],
  ['Mongolian', key('ᠮ')],
  ['IME composing with Ctrl held', key('r', { control: true, isComposing: true })],
  ['F1', key('F1')],
];

describe('blockedShortcut', () => {
  it.each(blocked)('blocks %s', (_name, input, category) => {
    expect(blockedShortcut(input)).toBe(category);
  });
  it.each(typing)('lets %s through', (_name, input) => {
    expect(blockedShortcut(input)).toBeUndefined();
  });
});

describe('attachKeyFilter', () => {
  it('swallows a blocked shortcut and reports it, and leaves typing alone', () => {
    const contents = new FakeWebContents();
    const reported: string[] = [];
    attachKeyFilter(contents.asElectron(), (shortcut) => reported.push(shortcut));
    const reload = fakeEvent();
    contents.emit('before-input-event', reload, { type: 'keyDown', ...key('r', { control: true }) });
    const letter = fakeEvent();
    contents.emit('before-input-event', letter, { type: 'keyDown', ...key('r') });
    expect(reload.defaultPrevented).toBe(true);
    expect(letter.defaultPrevented).toBe(false);
    expect(reported).toEqual(['reload']);
  });
});

describe('app commands (mouse back/forward buttons, browser keys)', () => {
  it.each(['browser-backward', 'browser-forward', 'browser-refresh', 'browser-home', 'browser-search'])(
    'blocks %s',
    (command) => {
      expect(isBlockedAppCommand(command)).toBe(true);
      const window = new FakeWebContents();
      attachAppCommandFilter(window as never);
      const event = fakeEvent();
      window.emit('app-command', event, command);
      expect(event.defaultPrevented).toBe(true);
    },
  );
  it.each(['media-play-pause', 'volume-up'])('leaves %s alone', (command) => {
    expect(isBlockedAppCommand(command)).toBe(false);
  });
});
