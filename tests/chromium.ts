/**
 * How to launch Debian's Chromium here: Playwright's own browser download is not reachable on these
 * machines, and without the background-networking flags Chromium keeps trying the closed network.
 * Shared by the end-to-end tests and the browser benchmark.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CONCORDAT_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
