export type WindowBounds = { x?: number; y?: number; width: number; height: number; maximized?: boolean };

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 900, height: 600 };

/** The BrowserWindow options: the renderer is a sandboxed web page with one preload and no Node. */
export function windowOptions(preloadPath: string, bounds: WindowBounds = DEFAULT_BOUNDS) {
  return {
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: Math.max(bounds.width, MIN_SIZE.width),
    height: Math.max(bounds.height, MIN_SIZE.height),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Concordat',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  } as const;
}

type Display = { x: number; y: number; width: number; height: number };

/** Saved bounds are used only if the window would still be visible on a connected display. */
export function restoreBounds(saved: unknown, displays: readonly Display[]): WindowBounds {
  if (typeof saved !== 'object' || saved === null) return DEFAULT_BOUNDS;
  const s = saved as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
  const width = num(s.width);
  const height = num(s.height);
  if (width === undefined || height === undefined || width < 200 || height < 200) return DEFAULT_BOUNDS;
  const x = num(s.x);
  const y = num(s.y);
  const maximized = s.maximized === true;
  if (x === undefined || y === undefined) return { width, height, maximized };
  const visible = displays.some((d) => x + 100 > d.x && y + 50 > d.y && x + 100 < d.x + d.width && y + 50 < d.y + d.height);
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}
