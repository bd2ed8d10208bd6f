import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { DisplayLike } from './placement';

const TEXT = {
  zh: { app: '讲台', display: '投影', moveTo: '投影到', screen: '屏幕', primary: '主屏幕', fullscreen: '全屏切换', quit: '退出讲台', view: '视图', reload: '重新加载' },
  en: { app: 'Rostrum', display: 'Display', moveTo: 'Project on', screen: 'Screen', primary: 'primary', fullscreen: 'Toggle fullscreen', quit: 'Quit Rostrum', view: 'View', reload: 'Reload' },
};

export interface MenuActions {
  moveProjector(displayId: number): void;
  toggleFullscreen(): void;
}

/** The application menu, rebuilt whenever screens come and go, with the projector chooser in it. */
export function buildMenu(lang: 'zh' | 'en', displays: readonly DisplayLike[], primaryId: number, currentId: number | null, actions: MenuActions): Menu {
  const t = TEXT[lang];
  const screens: MenuItemConstructorOptions[] = displays.map((d, i) => ({
    label: `${t.screen} ${i + 1}: ${d.label || ''} ${d.bounds.width}×${d.bounds.height}${d.id === primaryId ? ` (${t.primary})` : ''}`.replace(/\s+/g, ' '),
    type: 'radio',
    checked: d.id === currentId,
    click: () => actions.moveProjector(d.id),
  }));
  const template: MenuItemConstructorOptions[] = [
    { label: t.app, submenu: [{ role: 'quit', label: t.quit }] },
    { role: 'editMenu' },
    { label: t.display, submenu: [{ label: t.moveTo, enabled: false }, ...screens, { type: 'separator' }, { label: t.fullscreen, accelerator: 'F11', click: actions.toggleFullscreen }] },
    { label: t.view, submenu: [{ role: 'reload', label: t.reload }, { role: 'toggleDevTools' }] },
  ];
  return Menu.buildFromTemplate(template);
}
