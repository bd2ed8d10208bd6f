/**
 * Fetches a file the host makes for this role (the key goes in a header, never in the address)
 * and hands it to the browser as a download under the host's safe file name.
 */
export async function download(token: string, path: string): Promise<void> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : (path.split('/').pop() ?? 'export');
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
