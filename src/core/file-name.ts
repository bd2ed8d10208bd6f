/** Names Windows reserves whatever the extension: CON.xlsx cannot be created there. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name that every file system takes: no path separators or characters Windows refuses, no
 * control characters, no trailing dots or spaces, not a reserved device name, at most 120
 * characters. Chinese stays as it is: the people who open the folder read it.
 */
export function safeFileName(wanted: string, fallback = 'rostrum'): string {
  const cleaned = wanted
    .normalize('NFC')
    // Control characters and the nine characters Windows refuses in a name.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120)
    .replace(/[. ]+$/, '');
  if (cleaned === '' || /^[-. ]*$/.test(cleaned)) return fallback;
  return RESERVED.test(cleaned.split('.')[0] ?? '') ? `_${cleaned}` : cleaned;
}
