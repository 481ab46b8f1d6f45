// Makes sure Debian's Chromium is there for the end-to-end tests: installs it when running as root
// on Debian (as CI does), otherwise stops with a one-line instruction.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const isDebian = existsSync('/etc/debian_version') || /debian/i.test(safeRead('/etc/os-release'));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
// Chinese fonts make the screenshots readable; installed alongside when we may.
const hasCjkFont = existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
// pdftoppm/pdftotext: the printed-record test rasterizes and reads the PDF Chromium prints.
const hasPoppler = existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext');
if (!existsSync(path) || (isDebian && isRoot && (!hasCjkFont || !hasPoppler))) {
  if (!existsSync(path) && (!isDebian || !isRoot)) {
    console.error(
      `Chromium not found at ${path}: install Debian's package with 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH), then run npm test again.`,
    );
    process.exit(1);
  }
  console.log('Installing Debian chromium (and poppler-utils) for the end-to-end tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk', 'poppler-utils'], { stdio: 'inherit', env });
}
console.log(execFileSync(path, ['--version'], { encoding: 'utf8' }).trim());

function safeRead(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
