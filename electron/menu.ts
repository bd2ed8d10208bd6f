import { MINI_TIMER_KEY } from '../src/core/shell-api';
import type { ViewWindow } from '../src/core/shell-api';
import { DEVTOOLS_ALLOWED } from './build-flags';
import type { DisplayLike } from './placement';
import type { MenuItem } from './platform';

const TEXT = {
  zh: {
    app: '讲台', display: '投影', moveTo: '投影到', screen: '屏幕', primary: '主屏幕', fullscreen: '全屏切换', quit: '退出讲台', view: '视图', reload: '重新加载',
    network: '网络…', window: '窗口', control: '主持控制台', clerk: '计分视图', cards: '二维码卡片', report: '评审结果报告', audit: '操作记录', mini: '小窗计时',
  },
  en: {
    app: 'Rostrum', display: 'Display', moveTo: 'Project on', screen: 'Screen', primary: 'primary', fullscreen: 'Toggle fullscreen', quit: 'Quit Rostrum', view: 'View', reload: 'Reload',
    network: 'Network…', window: 'Window', control: 'Control', clerk: 'Clerk view', cards: 'QR cards', report: 'Results report', audit: 'Audit log', mini: 'Mini timer',
  },
};

export interface MenuActions {
  moveProjector(displayId: number): void;
  toggleFullscreen(): void;
  focusControl(): void;
  /** The control view's Network panel: who may connect, on which interface and port. */
  openNetwork(): void;
  openView(view: ViewWindow): void;
  /** Opens the mini timer when it is closed, closes it when it is open. */
  toggleMini(): void;
}

/** The application menu, rebuilt whenever screens come and go: the projector chooser, and every view as a window. */
export function buildMenu(lang: 'zh' | 'en', displays: readonly DisplayLike[], primaryId: number, currentId: number | null, miniOpen: boolean, actions: MenuActions): MenuItem[] {
  const t = TEXT[lang];
  const screens: MenuItem[] = displays.map((d, i) => ({
    kind: 'radio',
    label: `${t.screen} ${i + 1}: ${d.label || ''} ${d.bounds.width}×${d.bounds.height}${d.id === primaryId ? ` (${t.primary})` : ''}`.replace(/\s+/g, ' '),
    checked: d.id === currentId,
    click: () => actions.moveProjector(d.id),
  }));
  const views: MenuItem[] = (['clerk', 'cards', 'report', 'audit'] as const).map((v) => ({ kind: 'item', label: t[v], click: () => actions.openView(v) }));
  const mini: MenuItem = { kind: 'checkbox', label: t.mini, checked: miniOpen, accelerator: MINI_TIMER_KEY.accelerator, click: actions.toggleMini };
  return [
    { kind: 'submenu', label: t.app, items: [{ kind: 'item', label: t.network, click: actions.openNetwork }, { kind: 'separator' }, { kind: 'role', role: 'quit', label: t.quit }] },
    { kind: 'role', role: 'editMenu' },
    {
      kind: 'submenu',
      label: t.display,
      items: [{ kind: 'item', label: t.moveTo, enabled: false, click: () => {} }, ...screens, { kind: 'separator' }, { kind: 'item', label: t.fullscreen, accelerator: 'F11', click: actions.toggleFullscreen }],
    },
    { kind: 'submenu', label: t.window, items: [{ kind: 'item', label: t.control, click: actions.focusControl }, { kind: 'separator' }, ...views, mini] },
    // DevTools only in development builds (build-flags.ts): the packaged app shows no such item.
    { kind: 'submenu', label: t.view, items: [{ kind: 'role', role: 'reload', label: t.reload }, ...(DEVTOOLS_ALLOWED ? [{ kind: 'role', role: 'toggleDevTools' } as const] : [])] },
  ];
}
