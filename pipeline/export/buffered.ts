// Appends text to a file in writes of a few hundred kB: a corpus of small articles would
// otherwise make a few small writes per article and table, all on the main thread.
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_CHARS = 256 * 1024;

export class BufferedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    writeSync(this.fd, this.parts.length === 1 ? this.parts[0] : this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
