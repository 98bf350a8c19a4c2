/** The native menu as plain data; main/index.ts hands it to Menu.buildFromTemplate. */
export type MenuItem =
  | { role: string; label?: string }
  | { type: 'separator' }
  | { label: string; accelerator?: string; command: string }
  | { label: string; role?: string; submenu: MenuItem[] };

export function menuTemplate(platform: NodeJS.Platform, isDev: boolean): MenuItem[] {
  const mac = platform === 'darwin';
  const appMenu: MenuItem[] = mac
    ? [
        {
          label: 'Concordat',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: 'File',
      submenu: [
        { label: 'New', accelerator: 'CmdOrCtrl+N', command: 'new' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', command: 'save' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', command: 'export' },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+F', command: 'find' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(isDev ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' } as MenuItem] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      role: 'windowMenu',
      submenu: [{ role: 'minimize' }, { role: 'zoom' }, ...(mac ? [{ role: 'front' }] : [{ role: 'close' }])],
    },
    { label: 'Help', role: 'help', submenu: [{ label: 'About Concordat', command: 'about' }] },
  ];
}
