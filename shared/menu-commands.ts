/** Commands the native menu sends to the page; the renderer handles the same ones from the keyboard. */
export const MENU_COMMANDS = ['new', 'save', 'export', 'find', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const isMenuCommand = (v: unknown): v is MenuCommand =>
  typeof v === 'string' && (MENU_COMMANDS as readonly string[]).includes(v);
export const IPC_MENU_COMMAND = 'concordat:menu-command';
